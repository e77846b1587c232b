package org.spinworkbench.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import java.util.Map;

/** Gives parameters exactly chosen gradients: backward of Σ_i sum(p_i · c_i) leaves c_i in p_i's gradient. */
final class KnownGradients {
    private KnownGradients() {
    }

    /** Adds {@code gradients} (by parameter name) to the accumulated gradients. */
    static void add(Map<String, NDArray> parameters, Map<String, float[]> gradients) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector(); NDScope scope = new NDScope()) {
            NDArray total = null;
            for (Map.Entry<String, float[]> entry : gradients.entrySet()) {
                NDArray parameter = parameters.get(entry.getKey());
                NDArray constant = parameter.getManager().create(entry.getValue(), parameter.getShape());
                NDArray term = parameter.mul(constant).sum();
                total = total == null ? term : total.add(term);
            }
            collector.backward(total);
        }
    }

    /** A copy of the parameter's gradient (zeros before any backward). */
    static float[] of(NDArray parameter) {
        try (NDArray gradient = parameter.getGradient()) {
            return gradient.toFloatArray();
        }
    }
}
