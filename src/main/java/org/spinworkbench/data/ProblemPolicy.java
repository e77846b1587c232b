package org.spinworkbench.data;

/** What reading does with a row it cannot use. */
public enum ProblemPolicy {
    /** Leave the row out, record why, and go on; the counts say how many were left out. */
    SKIP,
    /** Fail on the first bad row, naming the file and the row. */
    STOP
}
