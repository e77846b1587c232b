package org.spinworkbench.lm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.jni.JniUtils;

/**
 * A linear layer, x·Wᵀ (+ b): (..., in) → (..., out), with W (out, in) as Hugging Face stores
 * it.
 *
 * <p>On the CPU, without gradients, over {@value #FLIPPED_FROM_ROWS}–{@value #FLIPPED_TO_ROWS}
 * rows (the decoding steps of a batch of that many sequences), the product is computed as
 * (W·xᵀ)ᵀ. libtorch's MKL multiplies a few rows by a transposed weight 1.3–2.6 times slower
 * with two threads than the weight by the transposed rows (measured at the SmolLM2-135M shapes
 * 576→1,536, 1,536→576, 576→192 and the 49,152-token head, 16–48 rows); under 16 rows and from
 * 64 the flip was no faster or slower. The values are the same products and sums, rounded by
 * another kernel, in the same row-major layout. Steps that record gradients keep the plain
 * product; a checkpointed block's first pass, run without them, may take the flip.
 */
final class Projection {
    static final long FLIPPED_FROM_ROWS = 16;
    static final long FLIPPED_TO_ROWS = 48;

    private Projection() {
    }

    static NDArray apply(NDArray x, NDArray weight, NDArray bias) {
        Shape shape = x.getShape();
        long in = shape.get(shape.dimension() - 1);
        long rows = in == 0 ? 0 : shape.size() / in;
        if (rows < FLIPPED_FROM_ROWS || rows > FLIPPED_TO_ROWS || JniUtils.isGradMode()
                || !Device.Type.CPU.equals(x.getDevice().getDeviceType())) {
            return Linear.linear(x, weight, bias).singletonOrThrow();
        }
        // (out, rows)ᵀ = (rows, out), copied into row order: a transposed view would hand later
        // operations another memory layout, and some draw their random numbers in memory order
        // (adapter dropout), so a checkpointed block recomputed with gradients would drop other units
        NDArray y = weight.matMul(x.reshape(rows, in).transpose()).transpose().flatten().reshape(rows, -1);
        if (bias != null) {
            y = y.add(bias);
        }
        long[] dims = shape.getShape().clone();                                       // Shape hands out its own array
        dims[dims.length - 1] = weight.getShape().get(0);
        return y.reshape(new Shape(dims));                                            // (..., out)
    }
}
