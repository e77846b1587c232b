package org.spinworkbench.runs;

import java.math.BigDecimal;

/** Decimals as people type them: 0.1, 5e-7, 0.0003 — exact, short, never 1.0E-4. */
public final class Decimals {
    private Decimals() {
    }

    /** The shortest exact text of {@code value}: plain up to 8 characters, else one digit before an exponent. */
    public static String text(double value) {
        BigDecimal exact = BigDecimal.valueOf(value).stripTrailingZeros();
        String plain = exact.toPlainString();
        boolean tiny = value != 0 && Math.abs(value) < 1e-3;
        if (!tiny && plain.length() <= 8) {
            return plain;
        }
        String unscaled = exact.unscaledValue().abs().toString();
        int exponent = unscaled.length() - 1 - exact.scale();
        String digits = unscaled.length() == 1 ? unscaled : unscaled.charAt(0) + "." + unscaled.substring(1);
        return (exact.signum() < 0 ? "-" : "") + digits + "e" + exponent;
    }
}
