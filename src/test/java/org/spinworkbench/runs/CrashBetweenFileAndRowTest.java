package org.spinworkbench.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.store.Checkpoint;
import org.spinworkbench.store.Iteration;
import org.spinworkbench.store.IterationStatus;
import org.spinworkbench.store.MetricPoint;
import org.spinworkbench.store.RunStatus;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.Cancellation;
import org.spinworkbench.train.CrashPoint;
import org.spinworkbench.train.TrainingConfig;
import org.spinworkbench.train.TrainingListener;

/**
 * A run killed after publishing a file and before recording it (the two kill points a
 * {@link CrashPoint} stands for) resumes to the same history as a run never interrupted, with
 * every iteration and checkpoint recorded. The crash is an {@link Error} thrown at the point,
 * which no catch block of the run sees: the database is left as kill -9 would leave it.
 */
class CrashBetweenFileAndRowTest {
    private static final int ITERATIONS = 2;

    @TempDir
    Path dir;
    private Path model;
    private Path data;
    private Map<String, List<MetricPoint>> uninterrupted;
    private List<String> uninterruptedHashes;

    @BeforeEach
    void uninterruptedRun() throws IOException {
        model = TinyRuns.model(dir);
        data = TinyRuns.data(dir);
        try (Workspace workspace = Workspace.open(dir.resolve("ws-uninterrupted"))) {
            RunOutcome outcome = new RunService(workspace, Device.cpu()).start(spec(), TrainingListener.NONE,
                    new Cancellation());
            assertEquals(RunStatus.COMPLETED, outcome.status(), outcome.message());
            uninterrupted = History.of(workspace, outcome.runId());
            uninterruptedHashes = modelHashes(workspace, outcome.runId());
        }
    }

    @AfterEach
    void disarm() {
        CrashPoint.disarm();
    }

    @Test
    void killedBetweenPublishingAnIterationsModelAndRecordingItTheResumeRecordsIt() throws IOException {
        try (Workspace workspace = Workspace.open(dir.resolve("ws-crashed"))) {
            RunService runs = new RunService(workspace, Device.cpu());
            CrashPoint.arm(CrashPoint.MODEL_PUBLISHED);
            assertThrows(CrashPoint.SimulatedCrash.class,
                    () -> runs.start(spec(), TrainingListener.NONE, new Cancellation()));

            // what the dead process left: iteration 1's model on disk, not in the database
            long run = workspace.runs().listAll().get(0).run().id();
            Path iteration1 = RunFolders.of(workspace, workspace.runs().findById(run).orElseThrow()).model(1);
            assertTrue(Files.isDirectory(iteration1));
            assertTrue(workspace.checkpoints().listByRun(run).stream().noneMatch(c -> c.path().equals(iteration1)));
            assertEquals(IterationStatus.EVALUATING, workspace.iterations().find(run, 1).orElseThrow().status());
            assertEquals(RunStatus.RUNNING, workspace.runs().findById(run).orElseThrow().status());

            RunOutcome resumed = runs.resume(run, TrainingListener.NONE, new Cancellation());

            assertEquals(RunStatus.COMPLETED, resumed.status(), resumed.message());
            assertEquals(List.of(1, 2), resumed.iterations().stream().map(RunOutcome.IterationSummary::iteration)
                    .toList(), "both iterations in the summary (--json)");
            assertEquals(List.of(IterationStatus.COMPLETED, IterationStatus.COMPLETED),
                    workspace.iterations().listByRun(run).stream().map(Iteration::status).toList());
            History.assertSame(uninterrupted, History.of(workspace, run));
            assertEquals(uninterruptedHashes, modelHashes(workspace, run));
            assertEquals(List.of(), states(iteration1.getParent()), "iteration 1's resumable states are removed");
        }
    }

    @Test
    void killedBetweenPublishingAStateAndRecordingItTheResumeRecordsTheState() throws IOException {
        try (Workspace workspace = Workspace.open(dir.resolve("ws-crashed"))) {
            RunService runs = new RunService(workspace, Device.cpu());
            CrashPoint.arm(CrashPoint.STATE_PUBLISHED);
            assertThrows(CrashPoint.SimulatedCrash.class,
                    () -> runs.start(spec(), TrainingListener.NONE, new Cancellation()));
            long run = workspace.runs().listAll().get(0).run().id();
            Path iteration1 = RunFolders.of(workspace, workspace.runs().findById(run).orElseThrow()).iteration(1);
            List<Path> published = states(iteration1);
            assertEquals(1, published.size(), "the state the crash followed: " + published);
            assertTrue(workspace.checkpoints().listByRun(run).isEmpty(), "and no row for it");

            RunOutcome resumed = runs.resume(run, TrainingListener.NONE, new Cancellation());

            assertEquals(RunStatus.COMPLETED, resumed.status(), resumed.message());
            List<Checkpoint> rows = workspace.checkpoints().listByRun(run);
            assertTrue(rows.stream().anyMatch(c -> c.path().equals(published.get(0)) && c.iteration() == 1
                    && c.step() == 2), "the state's row, at its step: " + rows);
            History.assertSame(uninterrupted, History.of(workspace, run));
            assertEquals(uninterruptedHashes, modelHashes(workspace, run));
        }
    }

    private RunSpec spec() {
        TrainingConfig config = TinyRuns.config(ITERATIONS, 2);
        return TinyRuns.spec(model, data, config);
    }

    /** The content hash of each iteration's model, in iteration order. */
    private static List<String> modelHashes(Workspace workspace, long run) {
        return workspace.checkpoints().listByRun(run).stream()
                .filter(c -> c.path().getFileName().toString().equals("model")).map(Checkpoint::contentHash).toList();
    }

    private static List<Path> states(Path iteration) throws IOException {
        try (Stream<Path> entries = Files.list(iteration)) {
            return entries.filter(p -> p.getFileName().toString().matches("state-\\d+")).sorted().toList();
        }
    }
}
