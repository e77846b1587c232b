package org.spinworkbench.runs;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
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
 * Metric names come from task checkers and may hold a comma or a quote: they are quoted as
 * RFC 4180 says.
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
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out); // flushed, never closed: out is the caller's
        csv.writeRecord(HEADER.split(","));
        for (MetricRow row : rows) {
            csv.writeRecord(row.metric(), Integer.toString(row.iteration()), Long.toString(row.step()),
                    Long.toString(row.globalStep()), Double.toString(row.value()));
        }
        csv.flush();
    }
}
