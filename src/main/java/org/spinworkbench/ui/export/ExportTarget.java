package org.spinworkbench.ui.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.spinworkbench.io.FileTrees;

/**
 * Where an export goes, as the file system has it: whether writing there needs the user's
 * word first ({@link FileTrees#replaceFolder} then replaces a folder whole).
 */
final class ExportTarget {
    /** What is at a target path now. */
    enum State {
        /** Nothing, or an empty folder: written without asking. */
        FREE,
        /** A folder with files in it, or an existing file: replaced only if the user agrees. */
        TAKEN,
        /** A file where a folder is wanted, or a folder where a file is wanted: never overwritten. */
        WRONG_KIND
    }

    private ExportTarget() {
    }

    static State ofFolder(Path folder) throws IOException {
        return switch (FileTrees.folderTarget(folder)) {
            case FREE -> State.FREE;
            case TAKEN -> State.TAKEN;
            case NOT_A_FOLDER -> State.WRONG_KIND;
        };
    }

    static State ofFile(Path file) {
        if (!Files.exists(file)) {
            return State.FREE;
        }
        return Files.isRegularFile(file) ? State.TAKEN : State.WRONG_KIND;
    }
}
