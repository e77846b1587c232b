package org.spinworkbench.store;

/**
 * A workspace that cannot be opened: in use by another process, a database that is not
 * ours, or one written by a newer version. The message says what to do; nothing on disk
 * was changed.
 */
public class WorkspaceException extends StoreException {
    public enum Reason { IN_USE, NOT_A_WORKBENCH_DATABASE, SCHEMA_TOO_NEW, UNAVAILABLE }

    private final Reason reason;

    public WorkspaceException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public WorkspaceException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
