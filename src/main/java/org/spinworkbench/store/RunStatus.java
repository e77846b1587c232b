package org.spinworkbench.store;

/** Where a run stands. A failed or cancelled run can be resumed, which makes it running again. */
public enum RunStatus {
    CREATED,
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELLED;

    /** True for the statuses a run ends in. */
    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
