package org.spinworkbench.ui.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.stream.Stream;
import org.spinworkbench.io.FileTrees;

/**
 * Where an export goes, as the file system has it: whether writing there needs the user's
 * word first, and a folder replaced so that the old content stays until the new is whole.
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

    /** Writes a model into a folder that does not exist yet. */
    @FunctionalInterface
    interface FolderWriter {
        void writeTo(Path folder) throws IOException;
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

    /**
     * Writes into a fresh folder beside {@code target}, then swaps it in: a failed write
     * leaves the old folder as it was, and the old one is deleted only once the new is in place.
     */
    static void replaceFolder(Path target, FolderWriter writer) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        String name = absolute.getFileName().toString();
        Path fresh = absolute.resolveSibling("." + name + ".export-" + UUID.randomUUID());
        try {
            writer.writeTo(fresh);
        } catch (IOException | RuntimeException e) {
            FileTrees.delete(fresh);
            throw e;
        }
        Path old = absolute.resolveSibling("." + name + ".replaced-" + UUID.randomUUID());
        Files.move(absolute, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(fresh, absolute, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, absolute, StandardCopyOption.ATOMIC_MOVE);
            FileTrees.delete(fresh);
            throw e;
        }
        FileTrees.delete(old);
    }
}
