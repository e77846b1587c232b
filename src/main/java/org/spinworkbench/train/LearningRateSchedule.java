package org.spinworkbench.train;

/**
 * The learning rate of each optimiser step. The warm-up schedules compute what transformers'
 * {@code get_linear_schedule_with_warmup} and {@code get_cosine_schedule_with_warmup} give
 * (times the peak) for the step about to be taken, so step 0 of a warm-up runs at rate 0.
 */
public interface LearningRateSchedule {

    /** The rate for optimiser step {@code step}, 0-based: the step about to be taken. */
    double at(long step);

    /** Linear warm-up from 0 to {@code peak} over {@code warmupSteps}, then linear decay to 0 at {@code totalSteps}. */
    static LearningRateSchedule linear(double peak, long warmupSteps, long totalSteps) {
        return new WarmupSchedule(WarmupSchedule.Decay.LINEAR, peak, warmupSteps, totalSteps);
    }

    /**
     * Linear warm-up, then half a cosine wave down to 0 at {@code totalSteps} (transformers'
     * default {@code num_cycles = 0.5}); it stays at 0 beyond, where transformers' curve
     * would climb again.
     */
    static LearningRateSchedule cosine(double peak, long warmupSteps, long totalSteps) {
        return new WarmupSchedule(WarmupSchedule.Decay.COSINE, peak, warmupSteps, totalSteps);
    }

    /** {@code peak} at every step. */
    static LearningRateSchedule constant(double peak) {
        WarmupSchedule.requirePeak(peak);
        return new ConstantSchedule(peak);
    }
}
