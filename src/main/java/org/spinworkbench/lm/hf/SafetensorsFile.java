package org.spinworkbench.lm.hf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * One open safetensors file. Tensors are read through read-only memory mappings, never
 * through one byte array of the whole file: a mapping holds at most {@code maxMappingBytes}
 * (FileChannel.map stops at 2 GiB), so a large tensor is read mapping by mapping, and each
 * mapping chunk by chunk: the Java heap holds at most one chunk of floats at a time, and each
 * chunk reaches libtorch through one direct buffer the file keeps for all its tensors (a new
 * direct buffer per chunk would stay resident until the garbage collector ran: the size of the
 * whole model again).
 *
 * <p>The result is a fresh FLOAT32 array owned by the caller's manager, not a view of the
 * mapping: training updates weights in place, and the mapping is read-only.
 */
final class SafetensorsFile implements AutoCloseable {
    /** The largest multiple of 8 that FileChannel.map accepts. */
    static final long DEFAULT_MAX_MAPPING_BYTES = Integer.MAX_VALUE & ~7L;
    /** 4 MiB of floats on the heap per step; large enough that JNI calls cost nothing. */
    static final int CHUNK_ELEMENTS = 1 << 20;

    private final Path file;
    private final FileChannel channel;
    private final Map<String, StoredTensor> tensors;
    private final long maxMappingBytes;
    private ByteBuffer staging; // CHUNK_ELEMENTS floats in native order, made on first use

    private SafetensorsFile(Path file, FileChannel channel, Map<String, StoredTensor> tensors, long maxMappingBytes) {
        this.file = file;
        this.channel = channel;
        this.tensors = tensors;
        this.maxMappingBytes = maxMappingBytes;
    }

    static SafetensorsFile open(Path file, long maxMappingBytes) {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new CheckpointException(file + " is missing", e);
        } catch (IOException e) {
            throw new CheckpointException("Cannot open " + file + ": " + e.getMessage(), e);
        }
        try {
            return new SafetensorsFile(file, channel, readHeader(file, channel), maxMappingBytes);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    Path file() {
        return file;
    }

    /** By name, in header order. */
    Map<String, StoredTensor> tensors() {
        return tensors;
    }

    /** The tensor as a FLOAT32 array of its shape, in {@code manager}. */
    synchronized NDArray load(StoredTensor tensor, NDManager manager) {
        TensorInfo info = tensor.info();
        if (!channel.isOpen()) {
            throw new IllegalStateException("The checkpoint " + file + " is closed; cannot load '" + info.name() + "'");
        }
        NDArray result = manager.zeros(new Shape(info.shape()), DataType.FLOAT32);
        try (NDArray flat = result.reshape(-1)) { // a view: writes land in result
            long total = info.elementCount();
            long perMapping = Math.max(1, maxMappingBytes / info.dtype().byteSize());
            float[] chunk = new float[(int) Math.min(total, CHUNK_ELEMENTS)];
            short[] halves = info.dtype() == DType.F32 ? null : new short[chunk.length];
            for (long done = 0; done < total; ) {
                long count = Math.min(perMapping, total - done);
                MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY,
                        tensor.position() + done * info.dtype().byteSize(), count * info.dtype().byteSize());
                ElementReader reader = new ElementReader(mapped.order(ByteOrder.LITTLE_ENDIAN), info.dtype());
                for (long inMapping = 0; inMapping < count; ) {
                    int length = (int) Math.min(chunk.length, count - inMapping);
                    reader.read(chunk, halves, length);
                    try (NDArray part = manager.create(staged(chunk, length), new Shape(length), DataType.FLOAT32)) {
                        long start = done + inMapping;
                        flat.set(new NDIndex().addSliceDim(start, start + length), part);
                    }
                    inMapping += length;
                }
                done += count;
            }
            return result;
        } catch (IOException | RuntimeException e) {
            result.close();
            if (e instanceof CheckpointException checkpointException) {
                throw checkpointException;
            }
            throw new CheckpointException(file + ": cannot read tensor '" + info.name() + "': " + e.getMessage(), e);
        }
    }

    /**
     * The first {@code length} floats of {@code chunk} in the staging buffer, which libtorch
     * reads in place: the part made from it must be copied and closed before the next chunk.
     */
    private ByteBuffer staged(float[] chunk, int length) {
        if (staging == null) {
            staging = ByteBuffer.allocateDirect(CHUNK_ELEMENTS * Float.BYTES).order(ByteOrder.nativeOrder());
        }
        staging.clear();
        staging.asFloatBuffer().put(chunk, 0, length);
        return staging.slice(0, length * Float.BYTES).order(ByteOrder.nativeOrder());
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static Map<String, StoredTensor> readHeader(Path file, FileChannel channel) {
        try {
            long size = channel.size();
            if (size < Long.BYTES) {
                throw new CheckpointException(file + " is truncated: " + size
                        + " bytes, too short for a safetensors file (it starts with an 8-byte header length)");
            }
            long headerLength = readFully(channel, 0, Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (headerLength < 0 || headerLength > size - Long.BYTES) {
                throw new CheckpointException(file + ": the header length " + Long.toUnsignedString(headerLength)
                        + " goes beyond the end of the file (" + size + " bytes); the file is truncated or not safetensors");
            }
            if (headerLength > SafetensorsHeader.MAX_HEADER_BYTES) {
                throw new CheckpointException(file + ": the header length " + headerLength
                        + " is larger than the " + SafetensorsHeader.MAX_HEADER_BYTES + " bytes safetensors allows");
            }
            byte[] header = new byte[(int) headerLength];
            readFully(channel, Long.BYTES, (int) headerLength).get(header);
            long dataStart = Long.BYTES + headerLength;
            return SafetensorsHeader.parse(file, header, dataStart, size - dataStart);
        } catch (IOException e) {
            throw new CheckpointException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
        return buffer.flip();
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was written through it
        }
    }

    /** Decodes little-endian elements of one mapping into floats, continuing where it stopped. */
    private static final class ElementReader {
        private final DType dtype;
        private final FloatBuffer floats;
        private final ShortBuffer shorts;

        ElementReader(ByteBuffer mapped, DType dtype) {
            this.dtype = dtype;
            this.floats = dtype == DType.F32 ? mapped.asFloatBuffer() : null;
            this.shorts = dtype == DType.F32 ? null : mapped.asShortBuffer();
        }

        void read(float[] chunk, short[] halves, int length) {
            if (dtype == DType.F32) {
                floats.get(chunk, 0, length);
                return;
            }
            shorts.get(halves, 0, length);
            if (dtype == DType.F16) {
                for (int i = 0; i < length; i++) {
                    chunk[i] = HalfFloats.f16ToFloat(halves[i]);
                }
            } else {
                for (int i = 0; i < length; i++) {
                    chunk[i] = HalfFloats.bf16ToFloat(halves[i]);
                }
            }
        }
    }
}
