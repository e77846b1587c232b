package org.spinworkbench.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Map;

/** The check that a model's weights are the ones its config names, in the shapes it gives. */
final class WeightShapes {
    private WeightShapes() {
    }

    /** Throws, naming the weight, when one the config expects is missing or has another shape. */
    static void require(ModelConfig config, Map<String, NDArray> weights) {
        for (var expected : config.expectedShapes().entrySet()) {
            NDArray weight = weights.get(expected.getKey());
            if (weight == null) {
                throw new IllegalArgumentException("missing weight " + expected.getKey());
            }
            if (!weight.getShape().equals(new Shape(expected.getValue()))) {
                throw new IllegalArgumentException("weight " + expected.getKey() + " has shape "
                        + weight.getShape() + ", the config needs " + new Shape(expected.getValue()));
            }
        }
    }
}
