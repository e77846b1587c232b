package org.spinworkbench.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Axis numbers: a learning rate reads 2e-5, not "0.00E0"; tick arithmetic's noise is rounded away. */
class TickLabelsTest {
    private final TickLabels labels = TickLabels.values();

    @Test
    void numbersReadAsTheyAreWritten() {
        assertEquals("2e-5", labels.toString(2e-5));
        assertEquals("1.5e-5", labels.toString(1.5000000000000002e-5));
        assertEquals("0.6925", labels.toString(0.69250000001));
        assertEquals("150", labels.toString(150.0));
        assertEquals("0", labels.toString(0.0));
        assertEquals("0", labels.toString(-5.204170427930421e-18), "the zero tick, as the axis computes it");
        assertEquals("5e-9", labels.toString(5e-9), "a small learning rate is not zero");
        assertEquals("-0.05", labels.toString(-0.05));
    }

    @Test
    void theStepAxisWritesWholeStepsOnly() {
        TickLabels steps = TickLabels.steps();
        assertEquals("12", steps.toString(12.0));
        assertEquals("", steps.toString(12.5), "no step 12.5 when zoomed in");
        assertEquals("150", steps.toString(150.00000000001));
    }
}
