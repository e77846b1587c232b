package org.spinworkbench.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Small random models for engine tests: real weights in real NDArrays, seeded. */
final class TinyModels {
    private TinyModels() {
    }

    /** Llama with grouped-query attention (4 query heads over 2 key/value heads), untied. */
    static ModelConfig llamaConfig() {
        return ModelConfig.builder("LlamaForCausalLM").setVocabSize(80).setWidths(32, 48).setLayers(2).setHeads(4, 2)
                .setMaxPositionEmbeddings(256).optHeadDim(8).optSpecialTokens(1, List.of(2)).optTorchDtype("float32")
                .build();
    }

    static LlamaModel create(ModelConfig config, long seed) {
        NDManager manager = NDManager.newBaseManager();
        Random random = new Random(seed);
        Map<String, NDArray> weights = new HashMap<>();
        for (var entry : config.expectedShapes().entrySet()) {
            Shape shape = new Shape(entry.getValue());
            float[] values = new float[(int) shape.size()];
            boolean norm = entry.getKey().endsWith("norm.weight");
            float scale = entry.getKey().equals("model.embed_tokens.weight") ? 1f : 0.15f;
            for (int i = 0; i < values.length; i++) {
                values[i] = norm ? 1f + 0.1f * (float) random.nextGaussian() : scale * (float) random.nextGaussian();
            }
            weights.put(entry.getKey(), manager.create(values, shape));
        }
        return new LlamaModel(config, manager, weights);
    }
}
