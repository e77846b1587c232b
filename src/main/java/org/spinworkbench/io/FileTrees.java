package org.spinworkbench.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/** Folder trees on disk, for every layer: the one place a folder is deleted with what is in it. */
public final class FileTrees {
    private FileTrees() {
    }

    /** What is at a path where a new folder is to be written. */
    public enum FolderTarget {
        /** Nothing, or an empty folder: written there without asking. */
        FREE,
        /** A folder with entries in it. */
        TAKEN,
        /** A file (or anything but a folder). */
        NOT_A_FOLDER
    }

    /** Whether a new folder can be written at {@code target}: the one rule every export follows. */
    public static FolderTarget folderTarget(Path target) throws IOException {
        if (!Files.exists(target)) {
            return FolderTarget.FREE;
        }
        if (!Files.isDirectory(target)) {
            return FolderTarget.NOT_A_FOLDER;
        }
        try (Stream<Path> entries = Files.list(target)) {
            return entries.findAny().isPresent() ? FolderTarget.TAKEN : FolderTarget.FREE;
        }
    }

    /** Deletes {@code root} and everything under it (links are removed, never followed); nothing if it is absent. */
    public static void delete(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** As {@link #delete}, after a failure: what can be removed is, and the first failure is what the caller reports. */
    public static void deleteAfterFailure(Path root) {
        try {
            delete(root);
        } catch (IOException | RuntimeException ignored) {
            // the failure that led here is the one the user needs to see
        }
    }

    /** Fills a folder with files. */
    @FunctionalInterface
    public interface FolderFiller {
        void fill(Path folder) throws IOException;
    }

    /**
     * Writes a folder whole or not at all: {@code filler} fills a fresh hidden folder beside
     * {@code target}, which is then renamed to {@code target} (which must be absent or an empty
     * folder: callers check {@link #folderTarget} first, with their own words). On failure
     * nothing is left behind.
     */
    public static void writeFolder(Path target, FolderFiller filler) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Files.createDirectories(absolute.getParent());
        // a plain createDirectory, not createTempDirectory: the folder gets the user's usual permissions
        Path partial = Files.createDirectory(absolute.getParent()
                .resolve("." + absolute.getFileName() + ".partial-" + UUID.randomUUID()));
        try {
            filler.fill(partial);
            Files.deleteIfExists(absolute); // only ever an empty folder here
            Files.move(partial, absolute, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteAfterFailure(partial);
            throw e;
        }
    }

    /**
     * Replaces the folder {@code target} by one {@code filler} writes beside it, then swaps it in:
     * a failed write leaves the old folder as it was, and the old one is deleted only once the new
     * is in place. {@code target} must be a folder.
     */
    public static void replaceFolder(Path target, FolderFiller filler) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        String name = absolute.getFileName().toString();
        Path fresh = absolute.resolveSibling("." + name + ".export-" + UUID.randomUUID());
        try {
            filler.fill(fresh);
        } catch (IOException | RuntimeException e) {
            delete(fresh);
            throw e;
        }
        Path old = absolute.resolveSibling("." + name + ".replaced-" + UUID.randomUUID());
        Files.move(absolute, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(fresh, absolute, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, absolute, StandardCopyOption.ATOMIC_MOVE);
            delete(fresh);
            throw e;
        }
        delete(old);
    }
}
