package org.spinworkbench.store;

/**
 * The phase a self-play iteration is in, in the order SPIN goes through them: generate
 * synthetic responses, score them under the frozen reference, train, evaluate.
 */
public enum IterationStatus {
    GENERATING,
    SCORING,
    TRAINING,
    EVALUATING,
    COMPLETED,
    FAILED,
    CANCELLED;

    /** True for the statuses an iteration ends in. */
    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
