package org.spinworkbench.train;

import java.util.Locale;
import java.util.Optional;

/**
 * Notices a run that has stopped learning: a gradient norm of exactly 0 for
 * {@value #STEPS} steps in a row means no weight can change any more (a learning rate far
 * too high saturates the model so; so do all-masked batches). Training goes on, as the user
 * may still want the checkpoints; the run's log says so once per iteration.
 */
final class StalledTraining {
    static final int STEPS = 10;

    private final int iteration;
    private final double learningRate;
    private int zeroSteps;
    private boolean told;

    StalledTraining(int iteration, double learningRate) {
        this.iteration = iteration;
        this.learningRate = learningRate;
    }

    /** The warning to log after this step, the first time {@value #STEPS} steps in a row had no gradient. */
    Optional<String> after(long step, Double gradientNorm) {
        zeroSteps = gradientNorm != null && gradientNorm == 0 ? zeroSteps + 1 : 0;
        if (zeroSteps < STEPS || told) {
            return Optional.empty();
        }
        told = true;
        return Optional.of(String.format(Locale.ROOT, "Warning: iteration %d has had no gradient (grad_norm 0) for"
                + " the last %d steps, up to step %d: the model has stopped learning. A learning rate far too high"
                + " (this run's is %s) saturates a model so; cancel and start again with a lower one.",
                iteration, STEPS, step, learningRate));
    }
}
