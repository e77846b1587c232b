package org.spinworkbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ten steps in a row without a gradient are reported once; any gradient starts the count again. */
class StalledTrainingTest {
    @Test
    void tenZeroGradientStepsInARowAreReportedOnce() {
        StalledTraining stalled = new StalledTraining(2, 1e4);
        List<String> said = new ArrayList<>();
        double[] norms = {0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        for (int step = 1; step <= norms.length; step++) {
            stalled.after(step, norms[step - 1]).ifPresent(said::add);
        }
        assertEquals(List.of("Warning: iteration 2 has had no gradient (grad_norm 0) for the last 10 steps, up to"
                + " step 21: the model has stopped learning. A learning rate far too high (this run's is 10000.0)"
                + " saturates a model so; cancel and start again with a lower one."), said,
                "nine zeros then a gradient is no stall; the first run of ten is, and only it is told");

        StalledTraining fresh = new StalledTraining(1, 1e-3);
        for (int step = 1; step <= 9; step++) {
            assertTrue(fresh.after(step, 0.0).isEmpty());
        }
        assertTrue(fresh.after(10, null).isEmpty(), "a step without the metric breaks the run of zeros");
        assertTrue(fresh.after(11, 0.0).isEmpty(), "so the count starts again");
    }
}
