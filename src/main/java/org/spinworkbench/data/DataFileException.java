package org.spinworkbench.data;

import java.nio.file.Path;

/**
 * A data file that cannot be used, with the place (a 1-based line, or a row for formats that
 * have no lines, such as a JSON array or Parquet) and the reason.
 */
public class DataFileException extends RuntimeException {
    private final Path file;
    private final int line;
    private final String reason;

    public DataFileException(Path file, int line, String reason) {
        this(file, "line", line, reason);
    }

    /** {@code unit} names what {@code number} counts, {@code "line"} or {@code "row"}. */
    public DataFileException(Path file, String unit, int number, String reason) {
        super(file.getFileName() + (number > 0 ? " " + unit + " " + number : "") + ": " + reason);
        this.file = file;
        this.line = number;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    /** 1-based line or row; 0 when the problem is the file as a whole. */
    public int line() {
        return line;
    }

    /** The reason alone, without the file and the place. */
    public String reason() {
        return reason;
    }
}
