package org.spinworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.runs.DemoRecipe;
import org.spinworkbench.store.Workspace;

/**
 * The demo on the bundled model and every fifth row of its bundled tasks, all five tasks
 * among them (one iteration and a fifth of the data, to keep the suite fast; the whole demo is
 * what docs/results.md measures).
 */
class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void oneIterationAndItsControlOnTheBundledFilesEndWithTheAccuracyTableAndTheJsonLine() throws IOException {
        Path sampleData = everyFifthRow(Path.of("sample-data"), dir.resolve("sample-data"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.create(ws -> 0, new BufferedReader(new StringReader("")), new PrintWriter(out, true),
                new PrintWriter(err, true)).execute("demo", "--iterations", "1", "--sample-data",
                sampleData.toString(), "--workspace", dir.resolve("ws").toString(), "--json");

        assertEquals(0, exit, err.toString());
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.get(0).startsWith("MODEL") && lines.get(0).contains("ACCURACY"), out.toString());
        assertTrue(lines.get(1).startsWith("base") && lines.get(1).matches(".*\\d+ %.*"), out.toString());
        assertTrue(lines.get(2).startsWith("iteration 1"), out.toString());
        assertTrue(lines.get(3).startsWith("continued SFT"), out.toString());
        JsonObject summary = JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
        assertEquals(1, summary.get("run").getAsLong());
        double base = summary.getAsJsonObject("base").get("accuracy").getAsDouble();
        assertTrue(base >= 0 && base <= 1, summary.toString());
        JsonObject first = summary.getAsJsonArray("iterations").get(0).getAsJsonObject();
        assertEquals(1, first.get("iteration").getAsInt());
        assertTrue(Files.isRegularFile(Path.of(first.get("checkpoint").getAsString()).resolve("config.json")));
        JsonObject control = summary.getAsJsonObject("control");
        assertEquals("sft", control.get("kind").getAsString());
        assertTrue(Files.isRegularFile(Path.of(control.get("checkpoint").getAsString()).resolve("model.safetensors")));
        try (Workspace workspace = Workspace.open(dir.resolve("ws"))) {
            var project = workspace.projects().find(DemoRecipe.PROJECT).orElseThrow();
            var runs = workspace.runs().listByProject(project.id());
            assertEquals(2, runs.size(), "the SPIN run and its continued-SFT control");
            var evaluations = workspace.evaluations().listByRun(1);
            assertEquals(List.of(0, 1), evaluations.stream().map(e -> e.iteration()).toList());
            assertTrue(evaluations.get(0).metrics().containsKey("eval_accuracy/capital"));
            assertEquals(first.get("accuracy").getAsDouble(), evaluations.get(1).metrics().get("eval_accuracy"), 1e-12);
            var controlEvaluations = workspace.evaluations().listByRun(2);
            assertEquals(control.get("accuracy").getAsDouble(),
                    controlEvaluations.get(controlEvaluations.size() - 1).metrics().get("eval_accuracy"), 1e-12);
        }
    }

    @Test
    void missingDemoFilesAreExplained() {
        Path empty = dir.resolve("nothing-here");
        System.setProperty(DemoRecipe.SAMPLE_DATA_PROPERTY, empty.toString());
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DemoRecipe.locateSampleData(dir.resolve("app/lib/spin-workbench.jar")));
            assertTrue(e.getMessage().contains("-D" + DemoRecipe.SAMPLE_DATA_PROPERTY), e.getMessage());
        } finally {
            System.clearProperty(DemoRecipe.SAMPLE_DATA_PROPERTY);
        }
    }

    /** The bundled model as it is, and every fifth row of the bundled tasks' train.jsonl and test.jsonl. */
    private static Path everyFifthRow(Path bundled, Path copy) throws IOException {
        Path model = Files.createDirectories(copy.resolve("demo-model"));
        try (Stream<Path> files = Files.list(bundled.resolve("demo-model"))) {
            for (Path file : files.toList()) {
                Files.copy(file, model.resolve(file.getFileName()));
            }
        }
        Path tasks = Files.createDirectories(copy.resolve("demo-tasks"));
        for (String name : List.of("train.jsonl", "test.jsonl")) {
            List<String> rows = Files.readAllLines(bundled.resolve("demo-tasks").resolve(name));
            Files.write(tasks.resolve(name), IntStream.range(0, rows.size()).filter(i -> i % 5 == 0)
                    .mapToObj(rows::get).toList());
        }
        return copy;
    }
}
