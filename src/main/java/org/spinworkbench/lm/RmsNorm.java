package org.spinworkbench.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Root-mean-square normalisation over the last axis, x · rsqrt(mean(x²) + ε) · weight, as
 * transformers' LlamaRMSNorm computes it in float32. torch's rsqrt on the CPU is 1 / sqrt,
 * each rounded, and that is what is computed here (DJL has no rsqrt); this libtorch's
 * vectorised sqrt comes from MKL, within an ulp of the correctly rounded root that torch's
 * rsqrt takes, so a value can differ from transformers' in its last bit. Multiplying by the
 * (B, T, 1) reciprocal instead of dividing by the root also keeps backward's work on the
 * (B, T, H) tensors to a product and a sum.
 */
final class RmsNorm {
    private final NDArray one;   // long-lived: see DJL_NOTES trap 1
    private final float epsilon;

    /** {@code manager} owns the constant and must outlive the norm. */
    RmsNorm(NDManager manager, double epsilon) {
        this.one = manager.create(1f);
        this.epsilon = (float) epsilon;
    }

    /** (..., H) normalised and scaled by weight (H). */
    NDArray apply(NDArray x, NDArray weight) {
        NDArray meanSquare = x.square().mean(new int[] {-1}, true);                 // (..., 1)
        NDArray inverseRoot = one.div(meanSquare.add(epsilon).sqrt());              // (..., 1)
        return x.mul(inverseRoot).mul(weight);                                     // (..., H)
    }
}
