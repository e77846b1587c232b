package org.spinworkbench.lm.hf;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * What a checkpoint says about one tensor: its Hugging Face name, dtype on disk, shape
 * (row-major, outermost first, e.g. [V, H] for {@code model.embed_tokens.weight}) and the
 * safetensors file that holds it.
 */
public record TensorInfo(String name, DType dtype, long[] shape, Path file) {
    public TensorInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        shape = shape.clone();
        Objects.requireNonNull(file, "file");
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** The number of elements: the product of the shape (1 for a scalar). */
    public long elementCount() {
        return Shapes.elementCount(shape);
    }

    /** Bytes on disk: elements × the dtype's size. */
    public long byteSize() {
        return Math.multiplyExact(elementCount(), dtype.byteSize());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TensorInfo that && name.equals(that.name) && dtype == that.dtype
                && Arrays.equals(shape, that.shape) && file.equals(that.file);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dtype, Arrays.hashCode(shape), file);
    }

    @Override
    public String toString() {
        return name + " " + dtype + " " + Arrays.toString(shape) + " in " + file;
    }
}
