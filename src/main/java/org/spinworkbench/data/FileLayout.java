package org.spinworkbench.data;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.spinworkbench.io.Problems;

/**
 * How rows are laid out in a file, independent of what the rows mean: by the file's extension,
 * and by its first bytes when the extension says nothing (or {@code .json}, which people use for
 * both arrays and JSON Lines).
 */
enum FileLayout {
    JSON_LINES("line", JsonLinesRows::read),
    JSON_ARRAY("row", JsonArrayRows::read),
    CSV("line", CsvRows::read),
    PARQUET("row", ParquetRows::read);

    private static final int SNIFF_BYTES = 4096;
    private static final byte[] PARQUET_MAGIC = {'P', 'A', 'R', '1'};

    private final String unit;
    private final Function<Path, List<SourceRow>> reader;

    FileLayout(String unit, Function<Path, List<SourceRow>> reader) {
        this.unit = unit;
        this.reader = reader;
    }

    /** What a row number counts in this layout: {@code "line"} or {@code "row"}. */
    String unit() {
        return unit;
    }

    List<SourceRow> read(Path file) {
        return reader.apply(file);
    }

    static FileLayout of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSON_LINES;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".parquet")) {
            return PARQUET;
        }
        byte[] head = head(file);
        if (startsWith(head, PARQUET_MAGIC)) {
            return PARQUET;
        }
        char first = firstNonBlank(head);
        if (first == '[') {
            return JSON_ARRAY;
        }
        if (first == '{') {
            rejectSingleObject(file);
            return JSON_LINES;
        }
        throw new DataFileException(file, 0, "cannot tell how the rows are stored; supported files are "
                + "JSON Lines (.jsonl), a JSON array of rows (.json), CSV (.csv) and Parquet (.parquet)");
    }

    /**
     * A pretty-printed JSON object ({@code {"data": [...]}}) would otherwise read as JSON Lines
     * and fail on every line; say what it is instead.
     */
    private static void rejectSingleObject(Path file) {
        try {
            String firstLine;
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                firstLine = reader.lines().filter(line -> !line.isBlank()).findFirst().orElse("");
            }
            if (parsesAsObject(firstLine.replace("\uFEFF", ""))) {
                return; // JSON Lines, the common case: decided without reading the whole file
            }
            JsonElement whole = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", ""));
            if (whole.isJsonObject()) {
                throw new DataFileException(file, 0, "is a single JSON object (keys: "
                        + String.join(", ", whole.getAsJsonObject().keySet())
                        + "); expected a JSON array of rows, or one JSON object per line");
            }
        } catch (JsonParseException e) {
            // not one object either: JSON Lines reading names the bad lines
        } catch (UncheckedIOException | IOException e) {
            IOException cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
            throw new DataFileException(file, 0, cause instanceof CharacterCodingException
                    ? "not UTF-8 text" : "cannot be read: " + Problems.describe(cause));
        }
    }

    private static boolean parsesAsObject(String line) {
        try {
            return JsonParser.parseString(line).isJsonObject();
        } catch (JsonParseException e) {
            return false;
        }
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SNIFF_BYTES);
        } catch (IOException e) {
            throw new DataFileException(file, 0, "cannot be read: " + Problems.describe(e));
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static char firstNonBlank(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "");
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return 0;
    }
}
