package org.spinworkbench.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON Lines rows, where (unlike {@link JsonLines#read}) a bad line is a row to report rather
 * than the end of reading, so that a skipping policy can go on past it.
 */
final class JsonLinesRows {
    private JsonLinesRows() {
    }

    static List<SourceRow> read(Path file) {
        List<SourceRow> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (number == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (text.isBlank()) {
                    continue;
                }
                try {
                    rows.add(SourceRow.of(number, JsonLines.parseObject(file, number, text)));
                } catch (DataFileException e) {
                    rows.add(SourceRow.broken(number, e.reason()));
                }
            }
        } catch (CharacterCodingException e) {
            throw new DataFileException(file, 0, "not UTF-8 text");
        } catch (IOException e) {
            throw new DataFileException(file, 0, "cannot be read: " + e.getMessage());
        }
        return rows;
    }
}
