package org.spinworkbench.lm.hf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.Objects;

/**
 * A tensor to save: its Hugging Face name, shape and FLOAT32 values in row-major order
 * ({@code values.length} = product of {@code shape}). The values are held, not copied: a
 * model's weights are large, and the writer only reads them.
 */
public record NamedTensor(String name, long[] shape, float[] values) {
    public NamedTensor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(values, "values");
        shape = shape.clone();
        if (Shapes.elementCount(shape) != values.length) {
            throw new IllegalArgumentException("tensor " + name + " has shape " + Arrays.toString(shape) + " ("
                    + Shapes.elementCount(shape) + " elements) but " + values.length + " values");
        }
    }

    /** Copies a FLOAT32 array's values off the native heap (it must not be BF16: DJL_NOTES.md). */
    public static NamedTensor of(String name, NDArray array) {
        if (array.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException("tensor " + name + " is " + array.getDataType() + ", expected FLOAT32");
        }
        return new NamedTensor(name, array.getShape().getShape(), array.toFloatArray());
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NamedTensor that && name.equals(that.name) && Arrays.equals(shape, that.shape)
                && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(shape), Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return name + " " + Arrays.toString(shape);
    }
}
