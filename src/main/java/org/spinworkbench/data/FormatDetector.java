package org.spinworkbench.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Tells the dataset format from the keys of the first readable rows. Each format has a key no
 * other one uses; when a file's keys fit none, or more than one, the user is told which keys
 * were found and asked to name the format, rather than have the reader guess.
 */
final class FormatDetector {
    /** Enough rows to see past an odd first row, few enough to decide at once. */
    static final int ROWS_LOOKED_AT = 5;

    private FormatDetector() {
    }

    static DatasetFormat detect(Path file, List<SourceRow> rows) {
        Set<String> keys = new TreeSet<>();
        rows.stream().filter(row -> !row.isBroken()).limit(ROWS_LOOKED_AT)
                .forEach(row -> keys.addAll(row.fields().keySet()));
        if (keys.isEmpty()) {
            throw new DataFileException(file, 0, rows.isEmpty()
                    ? "the file has no rows"
                    : "no row in the first ones could be read, so the format cannot be told; the first problem: "
                            + rows.get(0).problem());
        }
        List<DatasetFormat> fitting = new ArrayList<>();
        for (DatasetFormat format : DatasetFormat.values()) {
            if (fits(format, keys)) {
                fitting.add(format);
            }
        }
        if (fitting.size() == 1) {
            return fitting.get(0);
        }
        String found = "keys found: " + String.join(", ", keys) + "; supported formats: " + DatasetFormat.supported();
        if (fitting.isEmpty()) {
            throw new DataFileException(file, 0, "cannot tell the dataset format (" + found + ")");
        }
        throw new DataFileException(file, 0, "the rows fit more than one format ("
                + fitting.stream().map(DatasetFormat::id).collect(Collectors.joining(", "))
                + "); name the one to read them as (" + found + ")");
    }

    private static boolean fits(DatasetFormat format, Set<String> keys) {
        return switch (format) {
            case SPIN -> keys.contains("real");
            case MESSAGES -> keys.contains("messages");
            case ALPACA -> keys.contains("instruction") && keys.contains("output");
            case SHAREGPT -> keys.contains("conversations");
            case PROMPT_RESPONSE -> keys.contains("prompt") && keys.contains("response");
        };
    }
}
