package org.spinworkbench.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricCsvTest {
    @TempDir
    Path folder;

    @Test
    void writesOnePointPerLineUnderAHeader() throws IOException {
        Path file = folder.resolve("exports/run-3.csv");
        MetricCsv.write(file, List.of(new MetricRow("loss", 1, 1, 1, 0.6931), new MetricRow("loss", 2, 1, 7, 0.5),
                new MetricRow("eval_rewards/margins", 1, 6, 6, -0.25)));

        assertEquals(List.of("metric,iteration,step,global_step,value", "loss,1,1,1,0.6931", "loss,2,1,7,0.5",
                "eval_rewards/margins,1,6,6,-0.25"), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    @Test
    void numbersIgnoreTheSystemLocale() throws IOException {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            Path file = folder.resolve("de.csv");
            MetricCsv.write(file, List.of(new MetricRow("learning_rate", 1, 2, 2, 1.5e-7)));
            assertEquals("learning_rate,1,2,2,1.5E-7", Files.readAllLines(file).get(1));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void namesWithCommasOrQuotesAreQuotedAndDivergedValuesSayNaN() throws IOException {
        Path file = folder.resolve("odd.csv");
        MetricCsv.write(file, List.of(new MetricRow("eval_accuracy/a,b", 0, 0, 0, 0.5),
                new MetricRow("eval_\"exact\"", 1, 3, 3, Double.NaN)));

        assertEquals(List.of(MetricCsv.HEADER, "\"eval_accuracy/a,b\",0,0,0,0.5", "\"eval_\"\"exact\"\"\",1,3,3,NaN"),
                Files.readAllLines(file));
    }

    @Test
    void aRunWithoutPointsGivesTheHeaderOnly() throws IOException {
        Path file = folder.resolve("empty.csv");
        MetricCsv.write(file, List.of());
        assertEquals(List.of(MetricCsv.HEADER), Files.readAllLines(file));
    }
}
