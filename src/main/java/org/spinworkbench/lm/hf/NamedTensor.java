package org.spinworkbench.lm.hf;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A tensor to save: its Hugging Face name, shape and FLOAT32 values in row-major order. The
 * values are either held in a Java array or read from a live {@link NDArray} when the writer
 * gets to them, a chunk at a time: a model's weights and its optimiser's moments are gigabytes,
 * and a save must not need them on the Java heap as well.
 */
public final class NamedTensor {
    private final String name;
    private final long[] shape;
    private final float[] values; // null when the values are read from source
    private final NDArray source; // null when the values are held

    /** Values held in Java ({@code values.length} = product of {@code shape}); held, not copied. */
    public NamedTensor(String name, long[] shape, float[] values) {
        this(name, shape, Objects.requireNonNull(values, "values"), null);
        if (Shapes.elementCount(this.shape) != values.length) {
            throw new IllegalArgumentException("tensor " + name + " has shape " + Arrays.toString(shape) + " ("
                    + Shapes.elementCount(this.shape) + " elements) but " + values.length + " values");
        }
    }

    private NamedTensor(String name, long[] shape, float[] values, NDArray source) {
        this.name = Objects.requireNonNull(name, "name");
        this.shape = shape.clone();
        this.values = values;
        this.source = source;
    }

    /**
     * A FLOAT32 array's values, read when written (it must not be BF16: DJL_NOTES.md): the array
     * must stay open, and unchanged, until the tensor has been written.
     */
    public static NamedTensor of(String name, NDArray array) {
        if (array.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException("tensor " + name + " is " + array.getDataType() + ", expected FLOAT32");
        }
        return new NamedTensor(name, array.getShape().getShape(), null, array);
    }

    public String name() {
        return name;
    }

    public long[] shape() {
        return shape.clone();
    }

    public long elementCount() {
        return Shapes.elementCount(shape);
    }

    /** All the values in one Java array (copied off the native heap when they live there). */
    public float[] values() {
        return values != null ? values : source.toFloatArray();
    }

    /** Receives a tensor's values in row-major order: {@code length} of them from {@code values[from]}. */
    @FunctionalInterface
    interface ChunkSink {
        void accept(float[] values, int from, int length) throws IOException;
    }

    /**
     * Hands the values to {@code sink} in row-major order: held values at once, a live array
     * through {@code chunk}, read in place (copied to the CPU first when it lives elsewhere),
     * never whole onto the Java heap.
     */
    void forEachChunk(float[] chunk, ChunkSink sink) throws IOException {
        if (elementCount() == 0) {
            return;
        }
        if (values != null) {
            sink.accept(values, 0, values.length);
            return;
        }
        if (!source.getDevice().equals(Device.cpu())) {
            try (NDArray onCpu = source.toDevice(Device.cpu(), true)) {
                readInPlace(onCpu, chunk, sink);
            }
            return;
        }
        readInPlace(source, chunk, sink);
    }

    /** A CPU array's memory as floats, without a copy (DJL wraps a contiguous tensor's storage). */
    private static void readInPlace(NDArray array, float[] chunk, ChunkSink sink) throws IOException {
        FloatBuffer floats = array.toByteBuffer(true).order(ByteOrder.nativeOrder()).asFloatBuffer();
        while (floats.hasRemaining()) {
            int length = Math.min(chunk.length, floats.remaining());
            floats.get(chunk, 0, length);
            sink.accept(chunk, 0, length);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NamedTensor that && name.equals(that.name) && Arrays.equals(shape, that.shape)
                && Arrays.equals(values(), that.values());
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(shape), Arrays.hashCode(values()));
    }

    @Override
    public String toString() {
        return name + " " + Arrays.toString(shape);
    }
}
