package org.spinworkbench.lm;

import ai.djl.ndarray.NDArray;

/**
 * Root-mean-square normalisation over the last axis, weight · (x · rsqrt(mean(x²) + ε)), with
 * libtorch's own rsqrt as transformers' LlamaRMSNorm computes it in float32
 * ({@link TorchOperators#rmsNorm}).
 */
final class RmsNorm {
    private final double epsilon;

    RmsNorm(double epsilon) {
        this.epsilon = epsilon;
    }

    /** (..., H) normalised and scaled by weight (H). */
    NDArray apply(NDArray x, NDArray weight) {
        return TorchOperators.rmsNorm(x, weight, epsilon);
    }
}
