package org.spinworkbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import java.util.Map;
import java.util.TreeMap;

/**
 * Clipping by the global L2 norm of all gradients, as {@code torch.nn.utils.clip_grad_norm_}
 * (DJL's {@code optClipGrad} clamps each element instead: DJL_NOTES.md trap 7).
 */
public final class GradientNorm {
    /** torch's guard against dividing by a zero norm. */
    static final double EPSILON = 1e-6;

    private GradientNorm() {
    }

    /**
     * The global L2 norm of all gradients before clipping, sqrt(Σ ‖g_i‖²); when it is above
     * {@code maxNorm} every gradient is scaled in place by maxNorm / (norm + 1e-6). When any
     * gradient holds NaN or infinity the result is NaN or infinity and no gradient is touched,
     * so the caller can stop without an update. Parameters without a gradient are left out.
     *
     * @param maxNorm positive; {@code Double.POSITIVE_INFINITY} measures without clipping
     */
    public static double clip(Map<String, NDArray> parameters, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("maxNorm must be positive, found " + maxNorm);
        }
        // name order: the sum, and so the clipping factor, is the same in every run
        Map<String, NDArray> ordered = new TreeMap<>(parameters);
        try (NoGradient off = new NoGradient(); NDScope temporaries = new NDScope()) {
            // every parameter's norm stays on the device; one read brings them all (one sync a step, not one each)
            NDList norms = new NDList();
            for (NDArray parameter : ordered.values()) {
                try (NDArray gradient = Gradients.of(parameter)) {
                    if (gradient != null) {
                        norms.add(gradient.norm().toType(DataType.FLOAT64, false));
                    }
                }
            }
            double sumOfSquares = 0;
            if (!norms.isEmpty()) {
                for (double norm : NDArrays.stack(norms).toDoubleArray()) {
                    sumOfSquares += norm * norm; // in name order, as before: the same sum to the last bit
                }
            }
            double total = Math.sqrt(sumOfSquares);
            if (!Double.isFinite(total)) {
                return total;
            }
            double factor = maxNorm / (total + EPSILON);
            if (factor < 1) {
                for (NDArray parameter : ordered.values()) {
                    try (NDArray gradient = Gradients.of(parameter)) {
                        if (gradient != null) {
                            gradient.muli(factor);
                        }
                    }
                }
            }
            return total;
        }
    }
}
