package org.spinworkbench.train;

/** Thrown when a run stops because it was asked to; its last checkpoint is where it resumes. */
public class RunCancelledException extends RuntimeException {
    public RunCancelledException(String message) {
        super(message);
    }
}
