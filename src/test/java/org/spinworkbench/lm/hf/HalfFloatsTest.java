package org.spinworkbench.lm.hf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HalfFloatsTest {
    @Test
    void f16KnownBitPatterns() {
        assertF16(0x3C00, 1.0f);
        assertF16(0xC000, -2.0f);
        assertF16(0x0000, 0.0f);
        assertF16(0x8000, -0.0f);
        assertF16(0x7BFF, 65504f); // largest finite half
        assertF16(0x7BFF, 65519f); // just below the tie
        assertF16(0x7C00, 65520f); // tie between 65504 and 65536 → even → infinity
        assertF16(0x7C00, Float.POSITIVE_INFINITY);
        assertF16(0xFC00, Float.NEGATIVE_INFINITY);
        assertF16(0x7E00, Float.NaN);
        assertF16(0x3C00, 1f + 0x1p-11f); // tie between 0x3C00 and 0x3C01 → even
        assertF16(0x3C02, 1f + 3 * 0x1p-11f); // tie between 0x3C01 and 0x3C02 → even
        assertF16(0x3C01, 1f + 0x1p-11f + 0x1p-20f); // just above the tie
        assertF16(0x0400, 0x1p-14f); // smallest normal
        assertF16(0x0001, 0x1p-24f); // smallest subnormal
        assertF16(0x0000, 0x1p-25f); // tie between 0 and the smallest subnormal → even
        assertF16(0x0001, 1.5f * 0x1p-25f);
        assertF16(0x0002, 1.5f * 0x1p-24f); // tie between 1 and 2 → even
        assertF16(0x03FF, 1023 * 0x1p-24f); // largest subnormal
        assertF16(0x0400, 1023.5f * 0x1p-24f); // tie rounds up into the normals
        assertF16(0x8001, -0x1p-24f);
    }

    @Test
    void f16Decoding() {
        assertEquals(1.0f, HalfFloats.f16ToFloat((short) 0x3C00));
        assertEquals(-2.0f, HalfFloats.f16ToFloat((short) 0xC000));
        assertEquals(65504f, HalfFloats.f16ToFloat((short) 0x7BFF));
        assertEquals(0x1p-24f, HalfFloats.f16ToFloat((short) 0x0001));
        assertEquals(1023 * 0x1p-24f, HalfFloats.f16ToFloat((short) 0x03FF));
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(HalfFloats.f16ToFloat((short) 0x8000)));
        assertEquals(Float.POSITIVE_INFINITY, HalfFloats.f16ToFloat((short) 0x7C00));
        assertEquals(Float.NEGATIVE_INFINITY, HalfFloats.f16ToFloat((short) 0xFC00));
        assertTrue(Float.isNaN(HalfFloats.f16ToFloat((short) 0x7E00)));
        assertTrue(Float.isNaN(HalfFloats.f16ToFloat((short) 0x7C01)));
    }

    @Test
    void bf16KnownBitPatterns() {
        assertBf16(0x3F80, 1.0f);
        assertBf16(0x4049, 3.140625f);
        assertBf16(0x3F80, Float.intBitsToFloat(0x3F80_8000)); // tie → even (down)
        assertBf16(0x3F82, Float.intBitsToFloat(0x3F81_8000)); // tie → even (up)
        assertBf16(0x3F81, Float.intBitsToFloat(0x3F80_8001));
        assertBf16(0x7F80, Float.MAX_VALUE); // rounds up to infinity
        assertBf16(0x7F80, Float.POSITIVE_INFINITY);
        assertBf16(0xFF80, Float.NEGATIVE_INFINITY);
        assertBf16(0x7FC0, Float.NaN);
        assertBf16(0x8000, -0.0f);
        assertBf16(0x0000, Float.intBitsToFloat(0x0000_8000)); // subnormal tie → even
        assertBf16(0x0002, Float.intBitsToFloat(0x0001_8000)); // subnormal tie → even
        assertEquals(3.140625f, HalfFloats.bf16ToFloat((short) 0x4049));
        assertEquals(Float.NEGATIVE_INFINITY, HalfFloats.bf16ToFloat((short) 0xFF80));
        assertTrue(Float.isNaN(HalfFloats.bf16ToFloat((short) 0x7FC0)));
    }

    @Test
    void everyF16AndBf16ValueSurvivesARoundTrip() {
        for (int bits = 0; bits <= 0xFFFF; bits++) {
            short half = (short) bits;
            if (!Float.isNaN(HalfFloats.f16ToFloat(half))) {
                assertEquals(half, HalfFloats.floatToF16(HalfFloats.f16ToFloat(half)), "F16 " + Integer.toHexString(bits));
            }
            if (!Float.isNaN(HalfFloats.bf16ToFloat(half))) {
                assertEquals(half, HalfFloats.floatToBf16(HalfFloats.bf16ToFloat(half)), "BF16 " + Integer.toHexString(bits));
            }
        }
    }

    @Test
    void f16RoundingMatchesPyTorch() {
        Random random = new Random(42);
        float[] values = new float[200_000];
        for (int i = 0; i < values.length; i++) {
            // every exponent a half can reach, and beyond: subnormals, ties, overflow
            values[i] = Float.intBitsToFloat(random.nextInt()) % 70000f;
            if (i % 4 == 0) {
                values[i] = (float) Math.scalb(random.nextInt(1 << 12) / 2.0, random.nextInt(50) - 36);
            }
        }
        try (NDManager manager = NDManager.newBaseManager();
             NDArray halves = manager.create(values).toType(DataType.FLOAT16, false)) {
            ByteBuffer torch = ByteBuffer.wrap(halves.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
            for (float value : values) {
                short expected = torch.getShort();
                assertEquals(expected, HalfFloats.floatToF16(value), "F16 of " + value);
            }
        }
    }

    private static void assertF16(int expected, float value) {
        assertEquals((short) expected, HalfFloats.floatToF16(value), "F16 of " + value);
    }

    private static void assertBf16(int expected, float value) {
        assertEquals((short) expected, HalfFloats.floatToBf16(value), "BF16 of " + value);
    }
}
