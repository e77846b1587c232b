package org.spinworkbench.data;

import java.util.Objects;

/**
 * A row that was left out. {@code message} names the place itself ("line 7: empty response")
 * so it reads correctly on its own in a log, a table or a summary.
 */
public record DatasetProblem(int row, String message) {
    public DatasetProblem {
        Objects.requireNonNull(message, "message");
    }
}
