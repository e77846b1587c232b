package org.spinworkbench.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmaTest {
    @Test
    void weightZeroLeavesTheCurveAsItIs() {
        assertArrayEquals(new double[] {3, 1, 4, 1, 5}, Ema.smooth(new double[] {3, 1, 4, 1, 5}, 0), 0);
    }

    @Test
    void theAverageIsDebiasedAsTensorBoardDoes() {
        // w = 0.5: last = 0.5, 0.5/(1-0.5) = 1; last = 0.25 + 1.5 = 1.75, 1.75/(1-0.25) = 7/3
        double[] smoothed = Ema.smooth(new double[] {1, 3, 3}, 0.5);
        assertEquals(1.0, smoothed[0], 1e-12);
        assertEquals(7.0 / 3, smoothed[1], 1e-12);
        // last = 0.875 + 1.5 = 2.375, over 1 - 0.125
        assertEquals(2.375 / 0.875, smoothed[2], 1e-12);
    }

    @Test
    void aConstantCurveStaysConstantFromItsFirstPoint() {
        for (double value : Ema.smooth(new double[] {0.7, 0.7, 0.7, 0.7}, 0.99)) {
            assertEquals(0.7, value, 1e-12);
        }
    }

    @Test
    void aDivergedPointPassesThroughWithoutPoisoningTheRest() {
        double[] smoothed = Ema.smooth(new double[] {2, Double.NaN, 2}, 0.9);
        assertEquals(2, smoothed[0], 1e-12);
        assertTrue(Double.isNaN(smoothed[1]));
        assertEquals(2, smoothed[2], 1e-12);
    }

    @Test
    void heavySmoothingFollowsSlowly() {
        double[] smoothed = Ema.smooth(new double[] {0, 0, 0, 10}, 0.9);
        assertTrue(smoothed[3] > 0 && smoothed[3] < 5, "a jump moves the line only part of the way: " + smoothed[3]);
    }

    @Test
    void aWeightOutsideTheSliderIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Ema(1.0));
        assertThrows(IllegalArgumentException.class, () -> new Ema(-0.1));
    }
}
