package org.spinworkbench.io;

import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * What to tell a person about a failure: its message, or, for the exceptions Java throws with
 * none or with a bare path, a sentence its type stands for. Never "null".
 */
public final class Problems {
    private Problems() {
    }

    public static String describe(Throwable failure) {
        if (failure == null) {
            return "an unknown failure";
        }
        String message = failure.getMessage();
        String where = message == null || message.isBlank() ? "" : message.strip();
        Throwable cause = failure.getCause();
        if (cause != null && cause != failure && where.equals(cause.toString())) {
            return describe(cause); // made from its cause alone: the message is the cause's class name and message
        }
        if (failure instanceof NoSuchFileException) {
            return where.isEmpty() ? "a file does not exist" : where + " does not exist";
        }
        if (failure instanceof AccessDeniedException) {
            return where.isEmpty() ? "permission denied" : where + ": permission denied";
        }
        if (failure instanceof FileAlreadyExistsException) {
            return where.isEmpty() ? "a file already exists" : where + " already exists";
        }
        if (failure instanceof DirectoryNotEmptyException) {
            return where.isEmpty() ? "a folder is not empty" : where + " is not empty";
        }
        if (failure instanceof NotDirectoryException) {
            return where.isEmpty() ? "a path is not a folder" : where + " is not a folder";
        }
        if (failure instanceof ClosedByInterruptException || failure instanceof InterruptedIOException
                || failure instanceof InterruptedException) {
            return where.isEmpty() ? "interrupted" : where;
        }
        if (!where.isEmpty()) {
            return where;
        }
        if (cause != null && cause != failure) {
            return describe(cause);
        }
        return failure instanceof OutOfMemoryError ? "out of memory"
                : "an internal error (" + failure.getClass().getSimpleName() + ")";
    }
}
