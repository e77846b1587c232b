package org.spinworkbench.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import org.spinworkbench.data.DataFileException;
import org.spinworkbench.io.Problems;
import org.spinworkbench.store.StoreException;

/** Turns a failure into one sentence for the user: never a stack trace. */
public final class ErrorMessages {
    private ErrorMessages() {
    }

    /**
     * The store, the dataset reader and argument checks write messages meant for the user, and
     * a failed file operation (a missing file, a full disk, a refused permission) is the
     * machine's state, not a defect: each is told in its own words. Anything else is a defect,
     * shown by its kind and message with a plea to report it. A failure that ended an
     * asynchronous task is described by its cause.
     */
    public static String describe(Throwable thrown, Messages messages) {
        Throwable failure = thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause()
                : thrown;
        if (failure instanceof StoreException || failure instanceof IllegalArgumentException
                || failure instanceof DataFileException || failure instanceof IOException
                || failure instanceof UncheckedIOException) {
            return Problems.describe(failure);
        }
        String detail = failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return messages.get("error.unexpected", detail);
    }
}
