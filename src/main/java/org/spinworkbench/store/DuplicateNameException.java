package org.spinworkbench.store;

/** A name that must be unique in the workspace is already taken. */
public class DuplicateNameException extends StoreException {
    public DuplicateNameException(String message) {
        super(message);
    }
}
