package org.spinworkbench.train;

/**
 * The loss or the gradients became NaN or infinite. Training stops before the bad step is
 * applied; the last good checkpoint is untouched.
 */
public class TrainingDivergedException extends RuntimeException {
    public TrainingDivergedException(String message) {
        super(message);
    }
}
