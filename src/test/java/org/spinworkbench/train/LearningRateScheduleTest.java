package org.spinworkbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Values of transformers' schedules (lr_lambda times the peak), with the step the optimiser
 * is about to take: get_linear_schedule_with_warmup(warmup=10, total=110) and
 * get_cosine_schedule_with_warmup(warmup=10, total=110, num_cycles=0.5).
 */
class LearningRateScheduleTest {
    private static final double PEAK = 2e-4;

    @Test
    void linearWarmsUpThenDecaysToZero() {
        LearningRateSchedule schedule = LearningRateSchedule.linear(PEAK, 10, 110);
        assertEquals(0.0, schedule.at(0), 0.0, "step 0 of a warm-up runs at 0, as in transformers");
        assertEquals(PEAK * 0.5, schedule.at(5), 1e-18);
        assertEquals(PEAK * 0.9, schedule.at(9), 1e-18);
        assertEquals(PEAK, schedule.at(10), 0.0, "end of warm-up: the peak");
        assertEquals(PEAK * 0.5, schedule.at(60), 1e-18, "half-way through the decay");
        assertEquals(PEAK * 0.01, schedule.at(109), 1e-18, "the last step");
        assertEquals(0.0, schedule.at(110), 0.0);
        assertEquals(0.0, schedule.at(500), 0.0);
    }

    @Test
    void cosineWarmsUpThenFollowsHalfACosine() {
        LearningRateSchedule schedule = LearningRateSchedule.cosine(PEAK, 10, 110);
        assertEquals(0.0, schedule.at(0), 0.0);
        assertEquals(PEAK * 0.3, schedule.at(3), 1e-18);
        assertEquals(PEAK, schedule.at(10), 0.0);
        assertEquals(PEAK * 0.5 * (1 + Math.cos(Math.PI * 0.25)), schedule.at(35), 1e-18);
        assertEquals(PEAK * 0.5, schedule.at(60), 1e-18, "half-way: cos(π/2) = 0");
        assertEquals(PEAK * 0.5 * (1 + Math.cos(Math.PI * 0.99)), schedule.at(109), 1e-18);
        assertEquals(0.0, schedule.at(110), 1e-20);
        assertEquals(0.0, schedule.at(200), 0.0, "stays at 0 where transformers' curve would climb again");
    }

    @Test
    void withoutWarmUpTheFirstStepRunsAtThePeak() {
        assertEquals(PEAK, LearningRateSchedule.linear(PEAK, 0, 4).at(0), 0.0);
        assertEquals(PEAK * 0.75, LearningRateSchedule.linear(PEAK, 0, 4).at(1), 1e-18);
        assertEquals(PEAK, LearningRateSchedule.cosine(PEAK, 0, 4).at(0), 0.0);
    }

    @Test
    void constantIsThePeakEverywhere() {
        LearningRateSchedule schedule = LearningRateSchedule.constant(PEAK);
        assertEquals(PEAK, schedule.at(0), 0.0);
        assertEquals(PEAK, schedule.at(1_000_000), 0.0);
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.linear(PEAK, 11, 10));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.linear(-1, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.cosine(PEAK, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.constant(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.linear(PEAK, 1, 10).at(-1));
    }
}
