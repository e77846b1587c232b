package org.spinworkbench.ui.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.spinworkbench.data.DataFileException;
import org.spinworkbench.io.Problems;
import org.spinworkbench.lm.hf.CheckpointException;
import org.spinworkbench.ui.common.ErrorMessages;
import org.spinworkbench.ui.common.Messages;

/**
 * Why an export failed, in one sentence: the operating system's own wording for a full disk
 * or a refused folder is terse ("/x/y" is the whole message of a permission error), so the
 * common causes are named in words, with the place they happened.
 */
final class ExportErrors {
    private ExportErrors() {
    }

    static String describe(Exception failure, Path target, Messages messages) {
        Exception cause = failure instanceof UncheckedIOException unchecked ? unchecked.getCause() : failure;
        if (isDiskFull(cause)) {
            return messages.get("export.error.diskFull", target);
        }
        if (cause instanceof AccessDeniedException denied) {
            return messages.get("export.error.permission", denied.getFile() == null ? target : denied.getFile());
        }
        if (cause instanceof FileSystemException system) {
            String where = system.getFile() == null ? String.valueOf(target) : system.getFile();
            String reason = system.getReason() == null ? system.getClass().getSimpleName() : system.getReason();
            return messages.get("export.error.io", where, reason);
        }
        if (cause instanceof IOException io) {
            return messages.get("export.error.io", target, Problems.describe(io));
        }
        if (cause instanceof InvalidPathException invalid) {
            return messages.get("export.error.invalidPath", invalid.getInput());
        }
        if (cause instanceof CheckpointException || cause instanceof DataFileException) {
            return Problems.describe(cause);
        }
        return ErrorMessages.describe(cause, messages);
    }

    private static boolean isDiskFull(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String text = Problems.describe(t);
            if (text != null && (text.contains("No space left on device") || text.contains("Disk quota exceeded")
                    || text.contains("There is not enough space on the disk"))) {
                return true;
            }
        }
        return false;
    }
}
