package org.spinworkbench.train;

/** The same rate at every step. */
record ConstantSchedule(double peak) implements LearningRateSchedule {
    @Override
    public double at(long step) {
        WarmupSchedule.requireStep(step);
        return peak;
    }
}
