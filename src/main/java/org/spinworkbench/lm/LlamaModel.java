package org.spinworkbench.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A decoder-only transformer of the Llama family (Llama, Qwen2, Mistral), its weights kept
 * under their Hugging Face names so that loading, saving and exporting are name lookups.
 *
 * <p>Shapes: B batch, T new tokens, S cached + new tokens, H hidden size, nH attention heads,
 * nKV key/value heads, hD head size, I intermediate size, V vocabulary.
 *
 * <p>Callers own the scope: run each step inside an {@code NDScope} (results otherwise pile up
 * in the manager of the first operand) and set the thread's gradient mode.
 */
public final class LlamaModel implements AutoCloseable {
    private final ModelConfig config;
    private final NDManager manager;            // owns the weights and the constants below
    private final Map<String, NDArray> weights;
    private final RotaryEmbedding rotary;
    private final NDArray attentionScale;       // 1/sqrt(hD), long-lived: see DJL_NOTES trap 1
    private final AttentionMask mask;
    private LoraAdapter adapter;                // null: every weight is trained, none added
    private volatile boolean training;          // adapter dropout on
    private boolean checkpointing;              // training passes keep block inputs only, recomputing the rest
    private final BlockCheckpoints checkpoints = new BlockCheckpoints(this);
    private final DropoutSeeds dropoutSeeds = new DropoutSeeds();

    /** Takes ownership of {@code manager}, which must hold {@code weights}. */
    public LlamaModel(ModelConfig config, NDManager manager, Map<String, NDArray> weights) {
        this.config = config;
        this.manager = manager;
        this.weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights)); // checkpoint order, every run
        this.rotary = new RotaryEmbedding(config.headDim(), config.ropeTheta(), config.ropeScaling());
        this.attentionScale = manager.create((float) (1.0 / Math.sqrt(config.headDim())));
        this.mask = new AttentionMask(manager);
        WeightShapes.require(config, this.weights);
    }

    public ModelConfig config() {
        return config;
    }

    public NDManager manager() {
        return manager;
    }

    /** The weights by Hugging Face name (the base weights when an adapter is attached). */
    public Map<String, NDArray> weights() {
        return weights;
    }

    /** What training updates: the adapter's A and B when one is attached (the base stays frozen), else every weight. */
    public Map<String, NDArray> trainableWeights() {
        return adapter == null ? weights : adapter.parameters();
    }

    /**
     * Adds LoRA adapters to the projections they target; the model owns and closes them from
     * here on. They must have been made in a sub-manager of {@link #manager()}.
     */
    public void attach(LoraAdapter lora) {
        if (adapter != null) {
            throw new IllegalStateException("the model already has an adapter");
        }
        this.adapter = lora;
    }

    /** The attached adapter, if any. */
    public Optional<LoraAdapter> adapter() {
        return Optional.ofNullable(adapter);
    }

    /** Training mode turns the adapter's dropout on; off by default (generation and scoring). */
    public void setTraining(boolean training) {
        this.training = training;
    }

    /**
     * The final hidden states of the new tokens.
     *
     * @param inputIds  (B, T) int64 token ids
     * @param positions (B, T) int64 position of each token in its own sequence
     * @param keyMask   (B, S) 1 where a cached or new token is real, 0 where it is padding
     * @param cache     keys and values of earlier tokens, extended here; null for none
     * @return (B, T, H)
     */
    public NDArray forward(NDArray inputIds, NDArray positions, NDArray keyMask, KvCache cache) {
        long past = cache == null ? 0 : cache.length();
        NDArray maskBias = attentionMask(keyMask, past, inputIds.getShape().get(1));  // (B, 1, T, S)
        return forwardMasked(inputIds, positions, maskBias, cache);                  // (B, T, H)
    }

    /**
     * As {@link #forward} without a cache, for rows that branch after a shared prefix (two
     * responses to one prompt): a token sees the prefix and its own branch only
     * ({@link AttentionMask#branched}), so each branch gets the hidden states it gets alone.
     *
     * @param positions (B, T) position in the token's own branch, which continues the prefix's
     * @param branches  (B, T) int64: 0 on the prefix, b > 0 on branch b
     * @return (B, T, H)
     */
    public NDArray forwardBranched(NDArray inputIds, NDArray positions, NDArray keyMask, NDArray branches) {
        return forwardMasked(inputIds, positions, mask.branched(keyMask, branches), null);
    }

    /** The forward pass under an attention mask bias (B, 1, T, S): (B, T) ids → (B, T, H). */
    private NDArray forwardMasked(NDArray inputIds, NDArray positions, NDArray maskBias, KvCache cache) {
        if (cache == null && checkpointingNow()) {
            return checkpoints.forward(inputIds, positions, maskBias);
        }
        NDArray x = embed(inputIds);                                                 // (B, T, H)
        RotaryEmbedding.Angles angles = rotary.at(positions);                        // (B, 1, T, hD)
        int pass = nextPass();
        for (int layer = 0; layer < config.numHiddenLayers(); layer++) {
            x = block(x, layer, angles, maskBias, cache, pass);                      // (B, T, H)
        }
        return finalNorm(x);                                                         // (B, T, H)
    }

    /**
     * Gradient checkpointing per decoder block, for training (see {@link BlockCheckpoints}):
     * activation memory of one block instead of all, for one more forward pass of the blocks.
     * Call {@link #backwardThroughBlocks} after each backward of a loss. Turning it on maps
     * large tensors for the rest of the process ({@link NativeAllocator}).
     */
    public void setGradientCheckpointing(boolean on) {
        if (on) {
            NativeAllocator.forMemorySaving();
        }
        this.checkpointing = on;
        checkpoints.discard();
    }

    /**
     * Completes the backward of every checkpointed pass since the last call: call it right
     * after the loss's backward, inside the same scope. Nothing to do without checkpointing.
     */
    public void backwardThroughBlocks(GradientCollector collector) {
        checkpoints.backward(collector);
    }

    /** Bounds the activations a checkpointed block recomputes at once ({@link BlockCheckpoints#PIECE_VALUES}). */
    void setCheckpointPieceValues(long values) {
        checkpoints.setPieceValues(values);
    }

    /** Forgets passes whose backward will not come (a step that failed part-way). */
    public void discardPendingBackward() {
        checkpoints.discard();
    }

    /** Seeds the adapter's dropout for one optimiser step ({@link DropoutSeeds}). */
    public void seedDropout(long seed) {
        dropoutSeeds.seedStep(seed);
    }

    /** The number of this forward pass since the step's seed, which seeds its dropout; 0 outside training. */
    int nextPass() {
        return dropoutSeeds.nextPass(training);
    }

    /** Decoder block {@code layer} of forward pass {@code pass}: (B, T, H) → (B, T, H). */
    NDArray block(NDArray x, int layer, RotaryEmbedding.Angles angles, NDArray maskBias, KvCache cache, int pass) {
        if (dropsUnits()) {
            dropoutSeeds.seedBlock(pass, layer);
        }
        return decoderLayer(x, layer, angles, maskBias, cache);
    }

    /** Whether forward passes drop adapter units now: training, with LoRA dropout. */
    boolean dropsUnits() {
        return training && adapter != null && adapter.config().dropout() > 0;
    }

    RotaryEmbedding.Angles angles(NDArray positions) {
        return rotary.at(positions);
    }

    NDArray finalNorm(NDArray x) {
        return rmsNorm(x, "model.norm");
    }

    /** Whether this thread's forward passes are checkpointed: checkpointing is on and gradients are recorded. */
    boolean checkpointingNow() {
        return checkpointing && JniUtils.isGradMode();
    }

    /** Backward work the caller of a checkpointed forward leaves for {@link #backwardThroughBlocks}, run before the blocks'. */
    void deferBackward(BlockCheckpoints.Deferred work) {
        checkpoints.defer(work);
    }

    /** Whether training changes the embedding table (every weight is trained). */
    boolean embeddingTrained() {
        return weight("model.embed_tokens.weight").hasGradient();
    }

    /**
     * One block: attention and MLP, each with its residual. Its intermediates are released
     * as soon as the block is done (autograd keeps its own references to what backward
     * needs), so memory holds one block's temporaries, not every block's.
     */
    private NDArray decoderLayer(NDArray x, int layer, RotaryEmbedding.Angles angles, NDArray maskBias,
                                 KvCache cache) {
        String at = "model.layers." + layer + ".";
        return Scoped.keep(() -> {
            NDArray h = x.add(attention(rmsNorm(x, at + "input_layernorm"), layer, at + "self_attn.", angles,
                    maskBias, cache));                                                   // (B, T, H) x + attn(norm(x))
            return h.add(mlp(rmsNorm(h, at + "post_attention_layernorm"), at + "mlp.")); // (B, T, H) h + mlp(norm(h))
        });
    }

    /** Next-token logits (..., V) of hidden states (..., H). */
    public NDArray logits(NDArray hidden) {
        String head = config.tieWordEmbeddings() ? "model.embed_tokens.weight" : "lm_head.weight";
        return linear(hidden, weight(head), null);
    }

    NDArray embed(NDArray inputIds) {
        NDArray table = weight("model.embed_tokens.weight");                         // (V, H)
        return Embedding.embedding(inputIds, table, SparseFormat.DENSE).singletonOrThrow();
    }

    private NDArray attention(NDArray x, int layer, String prefix, RotaryEmbedding.Angles angles,
                              NDArray maskBias, KvCache cache) {
        long batch = x.getShape().get(0);
        long steps = x.getShape().get(1);
        int heads = config.numAttentionHeads();
        int kvHeads = config.numKeyValueHeads();
        int headDim = config.headDim();
        // QKV
        NDArray q = project(x, prefix + "q_proj").reshape(batch, steps, heads, headDim).transpose(0, 2, 1, 3);
        NDArray k = project(x, prefix + "k_proj").reshape(batch, steps, kvHeads, headDim).transpose(0, 2, 1, 3);
        NDArray v = project(x, prefix + "v_proj").reshape(batch, steps, kvHeads, headDim).transpose(0, 2, 1, 3);
        // q: (B, nH, T, hD); k, v: (B, nKV, T, hD)
        q = angles.apply(q);                                                         // RoPE
        k = angles.apply(k);
        // KV cache: the whole sequence's keys and values, (B, nKV, S, hD)
        if (cache != null) {
            KvCache.KeyValues all = cache.append(layer, k, v);
            k = all.keys();
            v = all.values();
        }
        NDArray out = GroupedQueryAttention.apply(q, k, v, maskBias, attentionScale); // (B, T, nH*hD)
        return project(out, prefix + "o_proj");                                      // (B, T, H)
    }

    private NDArray mlp(NDArray x, String prefix) {
        NDArray gate = project(x, prefix + "gate_proj");                             // (B, T, I)
        NDArray up = project(x, prefix + "up_proj");                                 // (B, T, I)
        return project(TorchOperators.siluTimes(gate, up), prefix + "down_proj");     // (B, T, H) down(silu(g)·u)
    }

    /** RMS norm over the last axis with the weight of module {@code name}. */
    private NDArray rmsNorm(NDArray x, String name) {
        return TorchOperators.rmsNorm(x, weight(name + ".weight"), config.rmsNormEps());
    }

    /** The attention mask of {@link AttentionMask#bias}, (B, 1, T, S). */
    NDArray attentionMask(NDArray keyMask, long past, long steps) {
        return mask.bias(keyMask, past, steps);
    }

    private NDArray project(NDArray x, String name) {
        NDArray bias = weights.get(name + ".bias");
        NDArray y = linear(x, weight(name + ".weight"), bias);                       // (..., out)
        NDArray update = adapter == null ? null : adapter.update(name, x, training); // (α/r)·x·Aᵀ·Bᵀ
        return update == null ? y : y.add(update);
    }

    /** x·Wᵀ (+ b): (..., in) → (..., out) ({@link Projection}). */
    static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
        return Projection.apply(x, weight, bias);
    }

    private NDArray weight(String name) {
        return weights.get(name);
    }

    @Override
    public void close() {
        if (adapter != null) {
            adapter.close();
        }
        manager.close();
    }
}
