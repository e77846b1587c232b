package org.spinworkbench.train;

/** Linear warm-up, then a linear or cosine decay to zero at {@code totalSteps}. */
record WarmupSchedule(Decay decay, double peak, long warmupSteps, long totalSteps) implements LearningRateSchedule {
    enum Decay { LINEAR, COSINE }

    WarmupSchedule {
        requirePeak(peak);
        if (totalSteps < 1 || warmupSteps < 0 || warmupSteps > totalSteps) {
            throw new IllegalArgumentException("need 0 <= warm-up steps <= total steps and total steps >= 1, found "
                    + warmupSteps + " warm-up of " + totalSteps);
        }
    }

    @Override
    public double at(long step) {
        requireStep(step);
        if (step < warmupSteps) {
            return peak * step / Math.max(1, warmupSteps);
        }
        long decaySteps = Math.max(1, totalSteps - warmupSteps);
        return switch (decay) {
            case LINEAR -> peak * Math.max(0.0, (double) (totalSteps - step) / decaySteps);
            case COSINE -> {
                double progress = Math.min(1.0, (double) (step - warmupSteps) / decaySteps);
                yield peak * Math.max(0.0, 0.5 * (1.0 + Math.cos(Math.PI * progress)));
            }
        };
    }

    static void requirePeak(double peak) {
        if (!(peak >= 0 && peak < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("peak learning rate must be finite and not negative, found " + peak);
        }
    }

    static void requireStep(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("steps count from 0, found " + step);
        }
    }
}
