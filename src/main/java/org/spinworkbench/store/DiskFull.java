package org.spinworkbench.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Tells a failure caused by a full disk from others, so that it is reported as what it is.
 * The operating system says "No space left on device" and SQLite says SQLITE_FULL, but SQLite
 * often reports a full disk otherwise: an I/O error resizing its shared memory, or "cannot
 * commit" after it rolled back the commit that found no room. So an I/O failure also counts
 * when the disk it wrote to has less than {@link #NEARLY_FULL_BYTES} left.
 */
public final class DiskFull {
    /** Below this much usable space, an I/O failure is taken to be the disk filling up. */
    static final long NEARLY_FULL_BYTES = 1L << 20;

    private DiskFull() {
    }

    /** Whether {@code failure} (or a cause of it) is a write that found the disk holding {@code where} full. */
    public static boolean caused(Throwable failure, Path where) {
        boolean inputOutput = false;
        for (Throwable e = failure; e != null; e = e.getCause()) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("No space left on device") || message.contains("database or disk is full")) {
                return true;
            }
            if (e instanceof SQLiteException sqlite) {
                SQLiteErrorCode code = sqlite.getResultCode();
                if (code == SQLiteErrorCode.SQLITE_FULL) {
                    return true;
                }
                inputOutput |= code.name().startsWith("SQLITE_IOERR") || message.contains("cannot commit");
            }
            inputOutput |= e instanceof IOException || message.contains("disk I/O error");
        }
        return inputOutput && usableBytes(where) < NEARLY_FULL_BYTES;
    }

    /**
     * One line for the user: that the disk is full, what could not be done, where, how much
     * is free, and that nothing already saved is lost.
     *
     * @param what what failed, e.g. "run 2 stopped"
     */
    public static String message(Path where, String what) {
        long free = usableBytes(where);
        return String.format(Locale.ROOT, "Disk full: %s, as the disk holding %s has no room left%s. Free some"
                + " space and try again; the workspace database and the last saved checkpoint are kept.", what,
                existing(where), free == Long.MAX_VALUE ? "" : " (" + human(free) + " free)");
    }

    private static long usableBytes(Path where) {
        try {
            return Files.getFileStore(existing(where)).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE; // cannot tell: do not claim the disk is full
        }
    }

    /** {@code where}, or its nearest folder that exists: a file not yet written has no store. */
    private static Path existing(Path where) {
        Path path = where.toAbsolutePath();
        while (path != null && !Files.exists(path)) {
            path = path.getParent();
        }
        return path == null ? where.toAbsolutePath() : path;
    }

    private static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1L << 20) {
            return (bytes >> 10) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
    }
}
