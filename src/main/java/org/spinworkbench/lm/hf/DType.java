package org.spinworkbench.lm.hf;

import java.util.Optional;

/**
 * The element types a checkpoint may store, by their safetensors names. Whatever is on disk,
 * tensors reach the model as FLOAT32: 16-bit values are widened in Java, never handed to
 * DJL as BF16 (which kills the JVM, see DJL_NOTES.md).
 */
public enum DType {
    F32(4, "float32"),
    F16(2, "float16"),
    BF16(2, "bfloat16");

    private final int byteSize;
    private final String torchName;

    DType(int byteSize, String torchName) {
        this.byteSize = byteSize;
        this.torchName = torchName;
    }

    /** Bytes per element on disk. */
    public int byteSize() {
        return byteSize;
    }

    /** The name in a safetensors header: "F32", "F16" or "BF16". */
    public String safetensorsName() {
        return name();
    }

    /** The name {@code config.json} uses for it ({@code torch_dtype}): "float32", ... */
    public String torchName() {
        return torchName;
    }

    /** The dtype {@code config.json} calls {@code torch_dtype} this ("float16", ...); empty for others. */
    public static Optional<DType> fromTorchName(String name) {
        for (DType dtype : values()) {
            if (dtype.torchName.equals(name)) {
                return Optional.of(dtype);
            }
        }
        return Optional.empty();
    }

    /** The dtype with that safetensors name; empty for the ones we do not read (I64, F64, ...). */
    public static Optional<DType> fromSafetensorsName(String name) {
        for (DType dtype : values()) {
            if (dtype.name().equals(name)) {
                return Optional.of(dtype);
            }
        }
        return Optional.empty();
    }
}
