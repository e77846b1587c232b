package org.spinworkbench.lm.hf;

/**
 * IEEE half (F16) and bfloat16 (BF16) to and from float, bit for bit as PyTorch converts
 * them on the CPU: round to nearest, ties to even; overflow to infinity; a NaN stays a NaN
 * (F16: quiet, payload truncated, sign kept; BF16: the canonical 0x7FC0). Java 17 has no
 * {@code Float.floatToFloat16}.
 */
final class HalfFloats {
    private HalfFloats() {
    }

    static float f16ToFloat(short half) {
        int bits = half & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1F;
        int mantissa = bits & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F80_0000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float subnormal = mantissa * 0x1p-24f; // exact: at most 10 significant bits
            return sign == 0 ? subnormal : -subnormal;
        }
        return Float.intBitsToFloat(sign | ((exponent + 127 - 15) << 23) | (mantissa << 13));
    }

    static short floatToF16(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = (bits >>> 23) & 0xFF;
        int mantissa = bits & 0x7F_FFFF;
        if (exponent == 0xFF) {
            // A NaN stays a NaN: made quiet, its payload truncated, as the F16C instruction does.
            return (short) (sign | 0x7C00 | (mantissa == 0 ? 0 : 0x200 | (mantissa >>> 13)));
        }
        int halfExponent = exponent - 127 + 15;
        if (halfExponent >= 0x1F) {
            return (short) (sign | 0x7C00);
        }
        if (halfExponent <= 0) {
            // Subnormal half: value / 2^-24, rounded. Below 2^-25 everything rounds to zero.
            if (halfExponent < -10) {
                return (short) sign;
            }
            int significand = mantissa | 0x80_0000;
            return (short) (sign | roundShift(significand, 14 - halfExponent));
        }
        // A carry out of the mantissa rounds up into the exponent, and from 65504 into infinity.
        return (short) (sign | ((halfExponent << 10) + roundShift(mantissa, 13)));
    }

    static float bf16ToFloat(short bf16) {
        return Float.intBitsToFloat((bf16 & 0xFFFF) << 16);
    }

    static short floatToBf16(float value) {
        int bits = Float.floatToRawIntBits(value);
        if (Float.isNaN(value)) {
            return (short) 0x7FC0;
        }
        int roundingBias = 0x7FFF + ((bits >>> 16) & 1);
        return (short) ((bits + roundingBias) >>> 16);
    }

    /** {@code value >>> shift}, rounded to nearest with ties to even. */
    private static int roundShift(int value, int shift) {
        int kept = value >>> shift;
        int rest = value & ((1 << shift) - 1);
        int halfway = 1 << (shift - 1);
        if (rest > halfway || (rest == halfway && (kept & 1) == 1)) {
            kept++;
        }
        return kept;
    }
}
