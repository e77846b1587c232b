package org.spinworkbench.ui.common;

import java.util.concurrent.CompletionException;
import org.spinworkbench.io.Problems;
import org.spinworkbench.store.StoreException;

/** Turns a failure into one sentence for the user: never a stack trace. */
public final class ErrorMessages {
    private ErrorMessages() {
    }

    /**
     * The store and argument checks write messages meant for the user; anything else is a
     * defect, shown by its kind and message with a plea to report it. A failure that ended an
     * asynchronous task is described by its cause.
     */
    public static String describe(Throwable thrown, Messages messages) {
        Throwable failure = thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause()
                : thrown;
        if (failure instanceof StoreException || failure instanceof IllegalArgumentException) {
            return Problems.describe(failure);
        }
        String detail = failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return messages.get("error.unexpected", detail);
    }
}
