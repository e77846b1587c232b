package org.spinworkbench.runs;

import java.nio.file.Path;

/** The run did not save a model for the iteration: it is still training, or stopped before the end. */
public final class NoSavedModelException extends RuntimeException {
    private final int iteration;
    private final Path folder;

    public NoSavedModelException(int iteration, Path folder) {
        super("Iteration " + iteration + " has no saved model at " + folder + ".");
        this.iteration = iteration;
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    public int iteration() {
        return iteration;
    }
}
