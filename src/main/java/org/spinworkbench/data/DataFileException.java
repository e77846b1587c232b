package org.spinworkbench.data;

import java.nio.file.Path;

/** A data file that cannot be used, with the line (1-based) and the reason. */
public class DataFileException extends RuntimeException {
    private final Path file;
    private final int line;

    public DataFileException(Path file, int line, String reason) {
        super(file.getFileName() + (line > 0 ? " line " + line : "") + ": " + reason);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** 1-based; 0 when the problem is the file as a whole. */
    public int line() {
        return line;
    }
}
