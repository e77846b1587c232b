package org.spinworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.runs.ChildJvm;
import org.spinworkbench.runs.TinyRuns;

/**
 * Ctrl+C (or a SIGTERM, which runs the same shutdown hook) during {@code spin --json}: the run
 * stops at its next step, and the process prints how it ended, the JSON line included, before
 * it exits. A real child JVM, interrupted once it is training.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class InterruptedRunTest {
    @TempDir
    Path dir;

    @Test
    void anInterruptedRunStillEndsWithItsJsonSummary() throws Exception {
        Path model = TinyRuns.model(dir);
        Path data = TinyRuns.data(dir, 24);
        Path workspace = dir.resolve("ws");
        ChildJvm child = ChildJvm.start(dir.resolve("child"), "spin", "--model", model.toString(), "--data",
                data.toString(), "--iterations", "3", "--epochs", "20", "--batch-size", "1", "--lr", "1e-3",
                "--max-length", "64", "--max-prompt-length", "32", "--max-new-tokens", "4", "--save-steps", "0",
                "--device", "cpu", "--threads", "1", "--workspace", workspace.toString(), "--json");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!child.err().contains("iteration 1/3: training") && child.process().isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(child.process().isAlive(), "the run ended before it could be interrupted\n" + child.err());
            child.process().destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl+C
            assertTrue(child.process().waitFor(60, TimeUnit.SECONDS), "the interrupted run did not exit");
        } finally {
            child.stop();
        }
        String err = child.err();
        assertTrue(err.contains("Run 1 cancelled: Cancelled after step"), err);
        List<String> lines = child.out().lines().toList();
        assertTrue(!lines.isEmpty(), "no summary line\n" + err);
        JsonObject summary = JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
        assertEquals(1, summary.get("run").getAsLong());
        assertEquals("cancelled", summary.get("status").getAsString());
        assertTrue(Files.isDirectory(workspace), "the workspace is kept");
    }
}
