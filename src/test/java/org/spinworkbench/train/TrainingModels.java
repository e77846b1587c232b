package org.spinworkbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.spinworkbench.lm.LlamaModel;
import org.spinworkbench.lm.ModelConfig;

/** Small random models for training tests (as lm's TinyModels): real weights, seeded, any float dtype. */
final class TrainingModels {
    private TrainingModels() {
    }

    /** Llama with grouped-query attention (4 query heads over 2 key/value heads), untied, 2 layers. */
    static ModelConfig llamaConfig() {
        return ModelConfig.builder("LlamaForCausalLM").setVocabSize(80).setWidths(32, 48).setLayers(2).setHeads(4, 2)
                .setMaxPositionEmbeddings(256).optHeadDim(8).optSpecialTokens(1, List.of(2)).optTorchDtype("float32")
                .build();
    }

    static LlamaModel create(long seed, DataType dataType) {
        ModelConfig config = llamaConfig();
        NDManager manager = NDManager.newBaseManager();
        Random random = new Random(seed);
        Map<String, NDArray> weights = new HashMap<>();
        for (var entry : new TreeMap<>(config.expectedShapes()).entrySet()) {
            Shape shape = new Shape(entry.getValue());
            double[] values = new double[(int) shape.size()];
            boolean norm = entry.getKey().endsWith("norm.weight");
            double scale = entry.getKey().equals("model.embed_tokens.weight") ? 1 : 0.15;
            for (int i = 0; i < values.length; i++) {
                // rounded to float first: the float64 model has the float32 model's weights
                values[i] = (float) (norm ? 1 + 0.1 * random.nextGaussian() : scale * random.nextGaussian());
            }
            weights.put(entry.getKey(), create(manager, values, shape, dataType));
        }
        return new LlamaModel(config, manager, weights);
    }

    private static NDArray create(NDManager manager, double[] values, Shape shape, DataType dataType) {
        if (dataType == DataType.FLOAT64) {
            return manager.create(values, shape);
        }
        if (dataType != DataType.FLOAT32) {
            throw new IllegalArgumentException("tiny models are FLOAT32 or FLOAT64, not " + dataType);
        }
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return manager.create(floats, shape);
    }

    /** A model with the given weights (copied into its own manager), e.g. loaded from a checkpoint. */
    static LlamaModel withWeights(Map<String, float[]> values) {
        ModelConfig config = llamaConfig();
        NDManager manager = NDManager.newBaseManager();
        Map<String, NDArray> weights = new HashMap<>();
        for (var entry : config.expectedShapes().entrySet()) {
            weights.put(entry.getKey(), manager.create(values.get(entry.getKey()), new Shape(entry.getValue())));
        }
        return new LlamaModel(config, manager, weights);
    }

    static void requireGradients(LlamaModel model) {
        model.weights().values().forEach(weight -> weight.setRequiresGradient(true));
    }
}
