package org.spinworkbench.lm;

import java.util.List;

/**
 * Builds a {@link ModelConfig} in code, with no {@code config.json} behind it and plain rotary
 * embeddings: the architecture and shape are required ({@code set}), the rest optional
 * ({@code opt}) with the defaults transformers' Llama config has. {@link #build()} checks them.
 */
public final class ModelConfigBuilder {
    private final String architecture;
    private int vocabSize;
    private int hiddenSize;
    private int intermediateSize;
    private int layers;
    private int heads;
    private int kvHeads;
    private int maxPositionEmbeddings;
    private Integer headDim;
    private double ropeTheta = 10000.0;
    private double rmsNormEps = 1e-6;
    private boolean tieWordEmbeddings;
    private boolean attentionBias;
    private Integer bosTokenId;
    private List<Integer> eosTokenIds;
    private String torchDtype;

    ModelConfigBuilder(String architecture) {
        this.architecture = architecture;
    }

    public ModelConfigBuilder setVocabSize(int vocabSize) {
        this.vocabSize = vocabSize;
        return this;
    }

    /** The hidden size H and the MLP's intermediate size I. */
    public ModelConfigBuilder setWidths(int hiddenSize, int intermediateSize) {
        this.hiddenSize = hiddenSize;
        this.intermediateSize = intermediateSize;
        return this;
    }

    public ModelConfigBuilder setLayers(int layers) {
        this.layers = layers;
        return this;
    }

    /** Query heads and key/value heads (equal without grouped-query attention). */
    public ModelConfigBuilder setHeads(int heads, int kvHeads) {
        this.heads = heads;
        this.kvHeads = kvHeads;
        return this;
    }

    public ModelConfigBuilder setMaxPositionEmbeddings(int maxPositionEmbeddings) {
        this.maxPositionEmbeddings = maxPositionEmbeddings;
        return this;
    }

    /** Default: hidden size / heads. */
    public ModelConfigBuilder optHeadDim(int headDim) {
        this.headDim = headDim;
        return this;
    }

    public ModelConfigBuilder optRopeTheta(double ropeTheta) {
        this.ropeTheta = ropeTheta;
        return this;
    }

    public ModelConfigBuilder optRmsNormEps(double rmsNormEps) {
        this.rmsNormEps = rmsNormEps;
        return this;
    }

    public ModelConfigBuilder optTieWordEmbeddings(boolean tieWordEmbeddings) {
        this.tieWordEmbeddings = tieWordEmbeddings;
        return this;
    }

    public ModelConfigBuilder optAttentionBias(boolean attentionBias) {
        this.attentionBias = attentionBias;
        return this;
    }

    /** The BOS id and the EOS ids; null when the model names none. */
    public ModelConfigBuilder optSpecialTokens(Integer bosTokenId, List<Integer> eosTokenIds) {
        this.bosTokenId = bosTokenId;
        this.eosTokenIds = eosTokenIds;
        return this;
    }

    /** {@code torch_dtype} as transformers writes it ("float32", "bfloat16"); null when unknown. */
    public ModelConfigBuilder optTorchDtype(String torchDtype) {
        this.torchDtype = torchDtype;
        return this;
    }

    public ModelConfig build() {
        if (heads < 1) {
            throw new IllegalStateException("A model config needs its attention heads.");
        }
        return new ModelConfig(architecture, vocabSize, hiddenSize, intermediateSize, layers, heads, kvHeads,
                headDim == null ? hiddenSize / heads : headDim, ropeTheta, rmsNormEps, tieWordEmbeddings,
                maxPositionEmbeddings, attentionBias, bosTokenId, eosTokenIds, torchDtype, RopeScaling.NONE, null);
    }
}
