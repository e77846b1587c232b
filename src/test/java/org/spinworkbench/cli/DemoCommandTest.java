package org.spinworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.runs.DemoRecipe;
import org.spinworkbench.store.Workspace;

/** The demo on the bundled model and tasks (one iteration, to keep the suite fast). */
class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void oneIterationOnTheBundledFilesEndsWithTheAccuracyTable() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.create(ws -> 0, new BufferedReader(new StringReader("")), new PrintWriter(out, true),
                new PrintWriter(err, true)).execute("demo", "--iterations", "1", "--workspace", dir.toString());

        assertEquals(0, exit, err.toString());
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.get(0).startsWith("MODEL") && lines.get(0).contains("ACCURACY"), out.toString());
        assertTrue(lines.get(1).startsWith("base") && lines.get(1).matches(".*\\d+ %.*"), out.toString());
        assertTrue(lines.get(2).startsWith("iteration 1"), out.toString());
        try (Workspace workspace = Workspace.open(dir)) {
            var project = workspace.projects().find(DemoRecipe.PROJECT).orElseThrow();
            assertEquals(1, workspace.runs().listByProject(project.id()).size());
            var evaluations = workspace.evaluations().listByRun(1);
            assertEquals(List.of(0, 1), evaluations.stream().map(e -> e.iteration()).toList());
            assertTrue(evaluations.get(0).metrics().containsKey("eval_accuracy/capital"));
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
}
