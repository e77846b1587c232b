package org.spinworkbench.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.store.RunStatus;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.Phase;
import org.spinworkbench.train.TrainingListener;

/** Runs started, watched, cancelled and resumed in this process, on a tiny real model. */
class LiveRunsTest {
    @TempDir
    Path dir;

    @Test
    void aStartedRunIsRecordedHeardAndCompletes() throws Exception {
        Path model = TinyRuns.model(dir);
        Path data = TinyRuns.data(dir);
        try (Workspace workspace = Workspace.open(dir.resolve("ws"))) {
            LiveRuns runs = new LiveRuns(workspace, () -> new RunService(workspace, Device.cpu()));
            LiveRun live = runs.start(TinyRuns.spec(model, data, TinyRuns.config(1, 2)));
            List<String> heard = new CopyOnWriteArrayList<>();
            live.addListener(new TrainingListener() {
                @Override
                public void stepMetrics(int iteration, long step, java.util.Map<String, Double> metrics) {
                    heard.add("step " + step);
                }

                @Override
                public void iterationFinished(int iteration) {
                    heard.add("finished " + iteration);
                }
            });
            long runId = live.runId().get(60, TimeUnit.SECONDS);
            assertEquals(runId, runs.active().orElseThrow().runId().join());

            RunOutcome outcome = live.outcome().get(120, TimeUnit.SECONDS);
            assertEquals(RunStatus.COMPLETED, outcome.status(), outcome.message());
            assertEquals(runId, outcome.runId());
            assertEquals(RunStatus.COMPLETED, workspace.runs().findById(runId).orElseThrow().status());
            assertTrue(heard.contains("finished 1"), heard.toString());
            assertTrue(live.recentLog().stream().anyMatch(line -> line.contains("training and")), live.recentLog().toString());
            assertTrue(runs.active().isEmpty());
            assertTrue(runs.find(runId).isEmpty());
        }
    }

    @Test
    void oneRunAtATimeAndACancelledRunResumes() throws Exception {
        Path model = TinyRuns.model(dir);
        Path data = TinyRuns.data(dir);
        try (Workspace workspace = Workspace.open(dir.resolve("ws"))) {
            LiveRuns runs = new LiveRuns(workspace, () -> new RunService(workspace, Device.cpu()));
            LiveRun live = runs.start(TinyRuns.spec(model, data, TinyRuns.config(2, 1)));
            CountDownLatch training = new CountDownLatch(1);
            LiveRun.Snapshot snapshot = live.addListener(new TrainingListener() {
                @Override
                public void phaseStarted(int iteration, Phase phase) {
                    if (phase == Phase.TRAINING) {
                        training.countDown();
                    }
                }
            });
            assertTrue(snapshot.phase() == null || snapshot.iteration() >= 1);
            assertThrows(IllegalStateException.class, () -> runs.start(TinyRuns.spec(model, data, TinyRuns.config(1, 1))));
            assertTrue(training.await(60, TimeUnit.SECONDS));
            live.cancel();
            RunOutcome cancelled = live.outcome().get(120, TimeUnit.SECONDS);
            assertEquals(RunStatus.CANCELLED, cancelled.status());

            LiveRun resumed = runs.resume(cancelled.runId(), "Tiny");
            assertEquals(cancelled.runId(), resumed.runId().join());
            RunOutcome done = resumed.outcome().get(180, TimeUnit.SECONDS);
            assertEquals(RunStatus.COMPLETED, done.status(), done.message());
            assertEquals(2, done.iterations().size());
        }
    }

    @Test
    void aRefusedDatasetFailsTheRunIdAndRecordsNoRun() throws Exception {
        Path model = TinyRuns.model(dir);
        Path data = Files.writeString(dir.resolve("bad.jsonl"),
                "{\"prompt\": \"1+1=\", \"response\": \"2\"}\n{\"prompt\": \"2+2=\"}\n");
        try (Workspace workspace = Workspace.open(dir.resolve("ws"))) {
            LiveRuns runs = new LiveRuns(workspace, () -> new RunService(workspace, Device.cpu()));
            LiveRun live = runs.start(TinyRuns.spec(model, data, TinyRuns.config(1, 1)));
            ExecutionException refused = assertThrows(ExecutionException.class, () -> live.runId().get(60, TimeUnit.SECONDS));
            assertTrue(String.valueOf(refused.getCause().getMessage()).contains("line 2"), refused.getCause().getMessage());
            assertTrue(live.finished());
            assertFalse(runs.active().isPresent());
            assertTrue(workspace.runs().listAll().isEmpty());
        }
    }
}
