package org.spinworkbench.runs;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A run's curves as CSV, one point per line ({@code metric,iteration,step,global_step,value}),
 * so a spreadsheet or pandas can pivot it any way. Numbers are written without locale (a
 * Chinese or German system still gets {@code 0.25}); a diverged value is written as NaN.
 */
public final class MetricCsv {
    public static final String HEADER = "metric,iteration,step,global_step,value";

    private MetricCsv() {
    }

    public static void write(Path file, List<MetricRow> rows) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(out, rows);
        }
    }

    /** The same to {@code out}, which stays open: the command line writes to standard output. */
    public static void write(Writer out, List<MetricRow> rows) throws IOException {
        out.write(HEADER);
        out.write('\n');
        for (MetricRow row : rows) {
            out.write(field(row.metric()));
            out.write(',');
            out.write(Integer.toString(row.iteration()));
            out.write(',');
            out.write(Long.toString(row.step()));
            out.write(',');
            out.write(Long.toString(row.globalStep()));
            out.write(',');
            out.write(Double.toString(row.value()));
            out.write('\n');
        }
    }

    /** RFC 4180 quoting: metric names come from task checkers and may hold a comma or a quote. */
    static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
