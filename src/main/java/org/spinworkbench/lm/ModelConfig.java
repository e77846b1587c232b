package org.spinworkbench.lm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** PLACEHOLDER until the checkpoint branch lands: the accessors the model needs. */
public record ModelConfig(String architecture, int vocabSize, int hiddenSize, int intermediateSize,
                          int numHiddenLayers, int numAttentionHeads, int numKeyValueHeads, int headDim,
                          double ropeTheta, double rmsNormEps, boolean tieWordEmbeddings,
                          int maxPositionEmbeddings, boolean attentionBias, Integer bosTokenId,
                          List<Integer> eosTokenIds, String torchDtype) {
    public Map<String, long[]> expectedShapes() {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        long h = hiddenSize, q = (long) numAttentionHeads * headDim, kv = (long) numKeyValueHeads * headDim;
        shapes.put("model.embed_tokens.weight", new long[] {vocabSize, h});
        for (int i = 0; i < numHiddenLayers; i++) {
            String p = "model.layers." + i + ".";
            shapes.put(p + "input_layernorm.weight", new long[] {h});
            shapes.put(p + "self_attn.q_proj.weight", new long[] {q, h});
            shapes.put(p + "self_attn.k_proj.weight", new long[] {kv, h});
            shapes.put(p + "self_attn.v_proj.weight", new long[] {kv, h});
            if (attentionBias) {
                shapes.put(p + "self_attn.q_proj.bias", new long[] {q});
                shapes.put(p + "self_attn.k_proj.bias", new long[] {kv});
                shapes.put(p + "self_attn.v_proj.bias", new long[] {kv});
            }
            shapes.put(p + "self_attn.o_proj.weight", new long[] {h, q});
            shapes.put(p + "post_attention_layernorm.weight", new long[] {h});
            shapes.put(p + "mlp.gate_proj.weight", new long[] {intermediateSize, h});
            shapes.put(p + "mlp.up_proj.weight", new long[] {intermediateSize, h});
            shapes.put(p + "mlp.down_proj.weight", new long[] {h, intermediateSize});
        }
        shapes.put("model.norm.weight", new long[] {h});
        if (!tieWordEmbeddings) {
            shapes.put("lm_head.weight", new long[] {vocabSize, h});
        }
        return shapes;
    }
}
