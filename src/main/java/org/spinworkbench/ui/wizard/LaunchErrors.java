package org.spinworkbench.ui.wizard;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.spinworkbench.data.DataFileException;
import org.spinworkbench.io.Problems;
import org.spinworkbench.lm.UnsupportedModelException;
import org.spinworkbench.lm.hf.CheckpointException;
import org.spinworkbench.lm.hf.TokenizerException;
import org.spinworkbench.ui.common.ErrorMessages;
import org.spinworkbench.ui.common.Messages;

/**
 * One sentence for a model, dataset or run that was refused. The loaders' and the run
 * service's own messages are written for users and name the file; anything else is a defect
 * and is described as one.
 */
final class LaunchErrors {
    private LaunchErrors() {
    }

    static String describe(Throwable failure, Messages messages) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof DataFileException || cause instanceof CheckpointException
                || cause instanceof TokenizerException || cause instanceof UnsupportedModelException
                || cause instanceof IllegalStateException || cause instanceof IllegalArgumentException) {
            return Problems.describe(cause);
        }
        if (cause instanceof java.io.IOException io) {
            return messages.get("wizard.error.io", Problems.describe(io));
        }
        return ErrorMessages.describe(cause instanceof Exception e ? e : new RuntimeException(cause), messages);
    }
}
