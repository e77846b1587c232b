package org.spinworkbench.ui.dashboard;

import java.math.BigDecimal;
import java.util.Locale;
import javafx.util.StringConverter;
import org.spinworkbench.runs.Decimals;

/**
 * Axis numbers as people write them, four significant digits: 0.6925, 2e-5 (a learning rate
 * was "0.00E0" with the axis' own format), 150 for a step.
 */
final class TickLabels extends StringConverter<Number> {
    private final boolean wholeOnly;

    private TickLabels(boolean wholeOnly) {
        this.wholeOnly = wholeOnly;
    }

    /** Any value: the metric axes. */
    static TickLabels values() {
        return new TickLabels(false);
    }

    /** Steps: a zoomed axis may tick at 12.5, which is no step, so only whole numbers are written. */
    static TickLabels steps() {
        return new TickLabels(true);
    }

    /** Far below any value a curve here has (learning rates go down to about 1e-8), far above rounding noise. */
    private static final double ZERO = 1e-12;

    @Override
    public String toString(Number value) {
        if (value == null) {
            return "";
        }
        double x = value.doubleValue();
        if (!Double.isFinite(x)) {
            return String.valueOf(x);
        }
        if (wholeOnly && Math.abs(x - Math.rint(x)) > 1e-9) {
            return "";
        }
        if (Math.abs(x) < ZERO) {
            return "0"; // the tick at zero, computed as -5.2e-18
        }
        // the axis' tick arithmetic leaves 0.69250000001: round first, then write it short
        return Decimals.text(new BigDecimal(String.format(Locale.ROOT, "%.4g", x)).doubleValue());
    }

    @Override
    public Number fromString(String text) {
        return Double.valueOf(text);
    }
}
