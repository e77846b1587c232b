package org.spinworkbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * A parameter's accumulated gradient, read without DJL's substitutes: {@code getGradient()}
 * hands out zeros for a parameter that backward never reached, which would make AdamW decay
 * its moments where torch.optim.AdamW skips it.
 */
final class Gradients {
    private Gradients() {
    }

    /**
     * The gradient as a fresh wrapper over the parameter's own gradient storage (in-place
     * changes reach the parameter); the caller must close it (DJL_NOTES.md trap 5). Null when
     * the parameter does not require a gradient or backward has not reached it yet.
     */
    static NDArray of(NDArray parameter) {
        if (!parameter.hasGradient()) {
            return null;
        }
        return JniUtils.getGradient((PtNDArray) parameter);
    }

    /** Fills the gradient with zeros in place (NaN too, unlike {@code g.subi(g)}). */
    static void zero(NDArray parameter) {
        if (parameter.hasGradient()) {
            JniUtils.zeroGrad((PtNDArray) parameter);
        }
    }
}
