package org.spinworkbench.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * log p(response | prompt): the sum of the log-probabilities of the response tokens, each
 * predicted from everything before it. The primitive of SPIN training (with gradients) and
 * of the compare view (without).
 */
public final class Scorer {
    private final LlamaModel model;
    private final int padId;
    private final int chunkRows;

    public Scorer(LlamaModel model, int padId) {
        this(model, padId, chunkRows(model.config().vocabSize()));
    }

    /** {@code chunkRows}: how many positions are projected onto the vocabulary at once. */
    Scorer(LlamaModel model, int padId, int chunkRows) {
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunkRows must be at least 1, found " + chunkRows);
        }
        this.model = model;
        this.padId = padId;
        this.chunkRows = chunkRows;
    }

    /**
     * Per-sequence sums over response tokens, (B), in {@code manager}; part of the autograd
     * graph when the calling thread's gradient mode is on. Sequences are right-padded.
     *
     * <p>Only the N positions that predict a response token are projected onto the
     * vocabulary, and at most {@link #chunkRows(int)} of them at a time: the logits never span the
     * prompts or the padding, which at a 152 k vocabulary is most of their size.
     */
    public NDArray responseLogProbs(List<int[]> prompts, List<int[]> responses, NDManager manager) {
        int rows = prompts.size();
        List<int[]> sequences = new ArrayList<>(rows);
        for (int row = 0; row < rows; row++) {
            requirePrompt(prompts.get(row));
            sequences.add(concat(prompts.get(row), responses.get(row)));
        }
        Targets targets = new Targets(rows, responses.stream().mapToInt(r -> r.length).sum());
        if (targets.isEmpty()) {
            return manager.zeros(new Shape(rows));
        }
        PaddedBatch batch = PaddedBatch.right(sequences, padId);
        for (int row = 0; row < rows; row++) {
            int promptEnd = row * batch.length() + prompts.get(row).length;
            targets.add(row, responses.get(row), promptEnd - 1, promptEnd);
        }
        NDArray hidden = model.forward(batch.ids(manager), batch.positions(manager), batch.mask(manager), null);
        return sums(hidden, targets, manager);
    }

    /**
     * The sums of two responses to each prompt, (2B): the first responses' in rows 0..B-1, the
     * second responses' in rows B..2B-1, as {@link #responseLogProbs} gives them for the 2B
     * prompt + response sequences. A SPIN pair's real and synthetic response answer the same
     * prompt, so each prompt goes through the model once for both of its responses
     * ({@link SharedPromptBatch}) when that costs less than the 2B sequences apart
     * ({@link #sharingPays}).
     */
    public NDArray pairLogProbs(List<int[]> prompts, List<int[]> firsts, List<int[]> seconds, NDManager manager) {
        int rows = prompts.size();
        prompts.forEach(Scorer::requirePrompt);
        if (!sharingPays(model.config(), prompts, firsts, seconds)) {
            List<int[]> twice = new ArrayList<>(prompts);
            twice.addAll(prompts);
            List<int[]> responses = new ArrayList<>(firsts);
            responses.addAll(seconds);
            return responseLogProbs(twice, responses, manager);
        }
        SharedPromptBatch batch = SharedPromptBatch.of(prompts, firsts, seconds, padId);
        Targets targets = new Targets(2 * rows, firsts.stream().mapToInt(r -> r.length).sum()
                + seconds.stream().mapToInt(r -> r.length).sum());
        if (targets.isEmpty()) {
            return manager.zeros(new Shape(2L * rows));
        }
        for (int row = 0; row < rows; row++) {
            int promptEnd = row * batch.length() + prompts.get(row).length;
            int first = firsts.get(row).length;
            targets.add(row, firsts.get(row), promptEnd - 1, promptEnd);
            targets.add(rows + row, seconds.get(row), promptEnd - 1, promptEnd + first); // the prompt's last token predicts both
        }
        NDArray hidden = model.forwardBranched(batch.ids(manager), batch.positions(manager), batch.mask(manager),
                batch.branches(manager));
        return sums(hidden, targets, manager);
    }

    /**
     * Whether one row a pair, its prompt shared, costs fewer multiply-adds in the decoder blocks
     * than the 2B prompt + response rows apart. Per layer, every position of the padded batch
     * costs its projections (twice the layer's weights) and every query-key pair attention's
     * 4·nH·hD. Sharing saves the prompts' positions but lengthens the rows, and attention grows
     * with a row's square: a short prompt before long responses is cheaper apart.
     */
    static boolean sharingPays(ModelConfig config, List<int[]> prompts, List<int[]> firsts, List<int[]> seconds) {
        int sharedLength = 0;
        int apartLength = 0;
        for (int row = 0; row < prompts.size(); row++) {
            int prompt = prompts.get(row).length;
            int first = firsts.get(row).length;
            int second = seconds.get(row).length;
            sharedLength = Math.max(sharedLength, prompt + first + second);
            apartLength = Math.max(apartLength, prompt + Math.max(first, second));
        }
        int rows = prompts.size();
        return blockCost(config, rows, sharedLength) < blockCost(config, 2 * rows, apartLength);
    }

    /** Multiply-adds of one decoder block over {@code rows} rows of {@code length} positions, as {@link #sharingPays} counts them. */
    private static double blockCost(ModelConfig config, int rows, int length) {
        double hidden = config.hiddenSize();
        double queryWidth = (double) config.numAttentionHeads() * config.headDim();
        double keyWidth = (double) config.numKeyValueHeads() * config.headDim();
        double weights = hidden * (2 * queryWidth + 2 * keyWidth) + 3 * hidden * config.intermediateSize();
        double positions = (double) rows * length;
        return positions * 2 * weights + positions * length * 4 * queryWidth;
    }

    /**
     * The sum for each output row of the log-probs of its target tokens, (R), from the hidden
     * states (B, L, H) of the positions that predict them.
     */
    private NDArray sums(NDArray hidden, Targets targets, NDManager manager) {
        long rows = hidden.getShape().get(0) * hidden.getShape().get(1);
        NDArray flat = hidden.reshape(rows, hidden.getShape().get(2));                            // (B*L, H)
        NDArray predicting = flat.get(new NDIndex("{}", manager.create(targets.positions)));        // (N, H)
        NDArray rowOf = manager.create(targets.owner, new Shape(targets.outputs, targets.ids.length))
                .toType(predicting.getDataType(), false);                                           // (R, N)
        NDArray logProbs = model.checkpointingNow() ? recomputedInBackward(predicting, targets.ids, manager)
                : pickedLogProbs(predicting, targets.ids, chunkRows, manager);                      // (N, 1)
        return rowOf.matMul(logProbs).reshape(targets.outputs);                                    // (R)
    }

    /** The N response tokens to score: where each is predicted from, what it is, and which output row sums it. */
    private static final class Targets {
        final int outputs;
        final long[] positions; // B*L index of the column predicting each token
        final long[] ids;       // the token itself
        final float[] owner;    // (R, N) one-hot: the output row of each token
        private int count;

        Targets(int outputs, int tokens) {
            this.outputs = outputs;
            this.positions = new long[tokens];
            this.ids = new long[tokens];
            this.owner = new float[outputs * tokens];
        }

        boolean isEmpty() {
            return ids.length == 0;
        }

        /**
         * Adds a response for output row {@code output}: its first token predicted from flat
         * index {@code firstPredictor}, token i > 0 from {@code start + i - 1}, where the
         * response begins at {@code start}.
         */
        void add(int output, int[] response, int firstPredictor, int start) {
            for (int i = 0; i < response.length; i++, count++) {
                positions[count] = i == 0 ? firstPredictor : start + i - 1;
                ids[count] = response[i];
                owner[output * ids.length + count] = 1f;
            }
        }
    }

    private static void requirePrompt(int[] prompt) {
        if (prompt.length == 0) {
            throw new IllegalArgumentException("A prompt needs at least one token.");
        }
    }

    /**
     * With gradient checkpointing, the head too is recomputed in backward: the response
     * tokens' log-probs (N, 1) are computed here without a graph and returned as a leaf; once
     * the loss's backward has left dL/d(log-prob) there, the deferred work recomputes the
     * vocabulary projection chunk by chunk, each with its graph, and carries the gradient into
     * the hidden states. Memory holds one chunk's logits, never all N × V.
     */
    private NDArray recomputedInBackward(NDArray predicting, long[] targets, NDManager manager) {
        NDArray hidden = predicting.stopGradient();                                      // (N, H), no graph
        hidden.setRequiresGradient(true);
        int chunk = recomputeChunkRows(model.config().vocabSize());
        NDArray logProbs;
        JniUtils.setGradMode(false);
        try {
            logProbs = pickedLogProbs(hidden, targets, chunk, manager);                  // (N, 1), no graph
        } finally {
            JniUtils.setGradMode(true);
        }
        logProbs.setRequiresGradient(true); // a leaf: the loss's backward leaves dL/d(log-prob) here
        model.deferBackward(collector -> {
            NDArray upstream = logProbs.getGradient();                                   // (N, 1)
            for (int from = 0; from < targets.length; from += chunk) {
                int to = Math.min(targets.length, from + chunk);
                try (NDScope chunkScope = new NDScope()) { // the chunk's logits go as soon as its backward is done
                    NDArray chunkLogProbs = pickedLogProbs(hidden, targets, from, to, manager); // (C, 1), with graph
                    collector.backward(chunkLogProbs.mul(upstream.get("{}:{}", from, to)).sum());
                }
            }
            collector.backward(predicting.mul(hidden.getGradient()).sum());             // on into the blocks' leaf
        });
        return logProbs;
    }

    /** log p of every target token, (N, 1), from their hidden states (N, H), {@code chunk} positions at a time. */
    private NDArray pickedLogProbs(NDArray hidden, long[] targets, int chunk, NDManager manager) {
        NDList picked = new NDList();
        for (int from = 0; from < targets.length; from += chunk) {
            picked.add(pickedLogProbs(hidden, targets, from, Math.min(targets.length, from + chunk), manager));
        }
        return picked.size() == 1 ? picked.singletonOrThrow() : NDArrays.concat(picked, 0);
    }

    /**
     * log p of the target tokens from {@code from} to {@code to}, (C, 1), from their hidden
     * states. The chunk's (C, V) logits are released on return (autograd keeps what its
     * backward needs), so chunks do not pile up until the caller's scope closes. The target ids
     * are made in the caller's scope instead: DJL hands PyTorch the Java buffer they were
     * created in, so autograd's reference to them does not keep their memory, and backward
     * reads them after the chunk's scope is gone.
     */
    private NDArray pickedLogProbs(NDArray hidden, long[] targets, int from, int to, NDManager manager) {
        NDArray ids = manager.create(Arrays.copyOfRange(targets, from, to), new Shape(to - from, 1)); // (C, 1)
        return Scoped.keep(() -> model.logits(hidden.get("{}:{}", from, to)).logSoftmax(-1)           // (C, V)
                .gather(ids, 1));                                                                   // (C, 1)
    }

    /** Positions a recomputed head projects at once: about 8 M logits (32 MB), at least one. */
    static int recomputeChunkRows(int vocabSize) {
        return Math.max(1, (1 << 23) / vocabSize);
    }

    /**
     * How many positions are projected onto the vocabulary at once: about 64 M logits
     * (256 MB of float32) a chunk, and at least one position.
     */
    static int chunkRows(int vocabSize) {
        return Math.max(1, (1 << 26) / vocabSize);
    }

    /** The same sums as plain numbers, computed without a graph. */
    public double[] score(List<int[]> prompts, List<int[]> responses) {
        return withoutGraph(work -> responseLogProbs(prompts, responses, work));
    }

    /** {@link #pairLogProbs}'s sums as plain numbers, (2B), computed without a graph. */
    public double[] scorePairs(List<int[]> prompts, List<int[]> firsts, List<int[]> seconds) {
        return withoutGraph(work -> pairLogProbs(prompts, firsts, seconds, work));
    }

    private double[] withoutGraph(Function<NDManager, NDArray> sums) {
        JniUtils.setGradMode(false);
        try (NDManager work = model.manager().newSubManager(); NDScope scope = new NDScope()) {
            float[] values = sums.apply(work).toFloatArray();
            double[] result = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                result[i] = values[i];
            }
            return result;
        }
    }

    private static int[] concat(int[] prompt, int[] response) {
        int[] whole = new int[prompt.length + response.length];
        System.arraycopy(prompt, 0, whole, 0, prompt.length);
        System.arraycopy(response, 0, whole, prompt.length, response.length);
        return whole;
    }
}
