package org.spinworkbench.lm;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Deterministic weights shared with the Python reference ({@code src/test/python/reference_llama.py})
 * that wrote the golden values under {@code src/test/resources/golden}.
 *
 * <p>A tensor named {@code N} (its Hugging Face name) gets its values from SplitMix64 seeded with
 * {@code CRC32(N)}: {@code r = 2u - 1} with {@code u} in [0, 1), scaled to {@code 1 + 0.1 r} for
 * {@code *norm.weight}, {@code 0.5 r} for {@code model.embed_tokens.weight}, {@code 0.1 r} for
 * {@code *.bias} and {@code 0.08 r} otherwise; computed in double and rounded to float32. The values
 * depend on the name and the element count only, never on the order tensors are made in.
 */
final class TestWeights {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private TestWeights() {
    }

    /** The float32 values of tensor {@code name} with {@code shape}, row-major. */
    static float[] values(String name, long[] shape) {
        float[] values = new float[elementCount(shape)];
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        long state = crc.getValue(); // unsigned 32-bit
        double scale = scale(name);
        double offset = name.endsWith("norm.weight") ? 1.0 : 0.0;
        for (int i = 0; i < values.length; i++) {
            state += GOLDEN_GAMMA; // mod 2^64
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z = z ^ (z >>> 31);
            double u = (z >>> 11) * 0x1.0p-53; // [0, 1), exact
            double r = 2.0 * u - 1.0;
            values[i] = (float) (offset + scale * r);
        }
        return values;
    }

    private static double scale(String name) {
        if (name.endsWith("norm.weight")) {
            return 0.1;
        }
        if (name.equals("model.embed_tokens.weight")) {
            return 0.5;
        }
        if (name.endsWith(".bias")) {
            return 0.1;
        }
        return 0.08;
    }

    private static int elementCount(long[] shape) {
        long n = 1;
        for (long dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("negative dimension in shape");
            }
            n = Math.multiplyExact(n, dim);
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tensor too large for a float[]: " + n + " elements");
        }
        return (int) n;
    }
}
