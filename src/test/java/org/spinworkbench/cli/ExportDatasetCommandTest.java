package org.spinworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.data.DatasetFormat;
import org.spinworkbench.data.DatasetReader;
import org.spinworkbench.data.LoadedDataset;
import org.spinworkbench.data.ProblemPolicy;
import org.spinworkbench.runs.TinyRuns;
import org.spinworkbench.store.Split;
import org.spinworkbench.store.Workspace;

/** {@code export --dataset}: an iteration's training pairs from the command line. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ExportDatasetCommandTest {
    @TempDir
    Path dir;

    private final CliHarness cli = new CliHarness();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void theIterationsPairsAreWrittenInTheSpinLayoutAndNamingNothingToWriteIsAUsageError() throws Exception {
        Path ws = dir.resolve("ws");
        long runId;
        int recorded;
        int heldOut;
        try (Workspace workspace = Workspace.open(ws)) {
            runId = TinyRuns.completedRun(workspace, dir, 1).runId();
            long iterationId = workspace.iterations().find(runId, 1).orElseThrow().id();
            recorded = workspace.samples().count(iterationId, Split.TRAIN);
            heldOut = workspace.samples().count(iterationId, Split.EVAL);
        }
        Path file = dir.resolve("pairs.jsonl");

        assertEquals(0, run("export", "--run", Long.toString(runId), "--iteration", "1", "--dataset", file.toString(),
                "--workspace", ws.toString()), err.toString());

        assertEquals("Exported " + recorded + " pairs of run " + runId + " iteration 1 to " + file,
                out.toString().strip());
        LoadedDataset read = DatasetReader.read(file, null, ProblemPolicy.STOP);
        assertEquals(DatasetFormat.SPIN, read.format());
        assertEquals(recorded, read.examples().size());

        Path evalFile = dir.resolve("held-out.jsonl");
        assertEquals(0, run("export", "--run", Long.toString(runId), "--iteration", "1", "--dataset",
                evalFile.toString(), "--split", "eval", "--workspace", ws.toString()), err.toString());
        assertEquals(heldOut, DatasetReader.read(evalFile, null, ProblemPolicy.STOP).examples().size());

        byte[] kept = Files.readAllBytes(evalFile);
        assertEquals(1, run("export", "--run", Long.toString(runId), "--iteration", "1", "--dataset",
                evalFile.toString(), "--workspace", ws.toString()));
        assertEquals("error: " + evalFile + " already exists; add --force to replace it.",
                err.toString().lines().reduce((a, b) -> b).orElse(""));
        assertArrayEquals(kept, Files.readAllBytes(evalFile), "an existing file is not overwritten unasked");
        assertEquals(0, run("export", "--run", Long.toString(runId), "--iteration", "1", "--dataset",
                evalFile.toString(), "--force", "--workspace", ws.toString()), err.toString());
        assertEquals(recorded, DatasetReader.read(evalFile, null, ProblemPolicy.STOP).examples().size(),
                "--force replaced the held-out pairs with the training ones");

        assertEquals(2, run("export", "--run", Long.toString(runId), "--iteration", "1", "--dataset",
                evalFile.toString(), "--split", "test", "--workspace", ws.toString()));
        assertTrue(err.toString().contains("--split is train or eval, not test."), err.toString());
        assertEquals(2, run("export", "--run", Long.toString(runId), "--iteration", "1", "--workspace", ws.toString()));
        assertTrue(err.toString().contains("Name --output DIR, --dataset FILE or both, or --job DIR."), err.toString());
    }
}
