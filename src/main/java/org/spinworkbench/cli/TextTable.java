package org.spinworkbench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.WCWidth;

/**
 * A plain-text table for terminals. Columns are padded by display width, so names in
 * Chinese (two columns per character on a terminal), full-width signs and emoji line up with
 * Latin ones.
 */
final class TextTable {
    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... header) {
        rows.add(header);
    }

    TextTable row(String... cells) {
        rows.add(cells);
        return this;
    }

    void print(PrintWriter out) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], displayWidth(row[i]));
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - displayWidth(row[i]) + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** Columns a terminal gives the text: wcwidth per code point (wide CJK and emoji 2, combining marks 0). */
    static int displayWidth(String text) {
        return text.codePoints().map(codePoint -> Math.max(0, WCWidth.wcwidth(codePoint))).sum();
    }
}
