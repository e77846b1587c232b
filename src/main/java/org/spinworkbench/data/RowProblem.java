package org.spinworkbench.data;

/** Why one row cannot become an example; the reader adds the file and the place. */
final class RowProblem extends RuntimeException {
    RowProblem(String reason) {
        super(reason, null, false, false); // control flow, not a crash: no stack trace
    }
}
