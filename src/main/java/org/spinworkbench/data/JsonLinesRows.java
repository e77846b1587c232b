package org.spinworkbench.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spinworkbench.io.Problems;

/**
 * JSON Lines rows, where (unlike {@link JsonLines#read}) a bad line is a row to report rather
 * than the end of reading, so that a skipping policy can go on past it.
 */
final class JsonLinesRows {
    private JsonLinesRows() {
    }

    static List<SourceRow> read(Path file) {
        List<SourceRow> rows = new ArrayList<>();
        try {
            Utf8Lines.read(file, new Utf8Lines.Visitor() {
                @Override
                public void line(int number, String text) {
                    if (text.isBlank()) {
                        return;
                    }
                    try {
                        rows.add(SourceRow.of(number, JsonLines.parseObject(file, number, text)));
                    } catch (DataFileException e) {
                        rows.add(SourceRow.broken(number, e.reason()));
                    }
                }

                @Override
                public void unreadable(int number, String why) {
                    rows.add(SourceRow.broken(number, why));
                }
            });
        } catch (IOException e) {
            throw new DataFileException(file, 0, "cannot be read: " + Problems.describe(e));
        }
        return rows;
    }
}
