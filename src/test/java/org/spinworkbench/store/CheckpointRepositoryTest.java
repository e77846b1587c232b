package org.spinworkbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointRepositoryTest {
    @TempDir
    Path dir;
    Workspace workspace;
    CheckpointRepository checkpoints;
    Run run;

    @BeforeEach
    void open() {
        workspace = Workspace.open(dir, StoreFixtures.fixedClock());
        checkpoints = workspace.checkpoints();
        run = StoreFixtures.spinRun(workspace, workspace.projects().create("Tiny", ""));
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void checkpointRoundTrips() {
        Checkpoint recorded = checkpoints.record(run.id(), 1, 64, Path.of("runs/1/iter-1/step-64"),
                3_000_000_000L, "f".repeat(64));

        assertEquals(List.of(recorded), checkpoints.listByRun(run.id()));
        assertEquals(3_000_000_000L, recorded.sizeBytes());
        assertEquals(Path.of("runs/1/iter-1/step-64"), recorded.path());
        assertEquals(StoreFixtures.NOW, recorded.createdAt());
    }

    @Test
    void latestIsTheHighestIterationThenTheHighestStep() {
        checkpoints.record(run.id(), 1, 900, Path.of("a"), 1, "1");
        Checkpoint latest = checkpoints.record(run.id(), 2, 120, Path.of("c"), 1, "3");
        checkpoints.record(run.id(), 2, 60, Path.of("b"), 1, "2");

        assertEquals(latest, checkpoints.latest(run.id()).orElseThrow());
        assertEquals(List.of(1, 2, 2), checkpoints.listByRun(run.id()).stream().map(Checkpoint::iteration).toList());
        assertEquals(List.of(900L, 60L, 120L), checkpoints.listByRun(run.id()).stream().map(Checkpoint::step).toList());
    }

    @Test
    void savingTheSameStepAgainReplacesTheRecord() {
        Checkpoint first = checkpoints.record(run.id(), 1, 64, Path.of("old"), 10, "1");

        Checkpoint again = checkpoints.record(run.id(), 1, 64, Path.of("new"), 20, "2");

        assertEquals(first.id(), again.id());
        assertEquals(List.of(again), checkpoints.listByRun(run.id()));
        assertEquals(Path.of("new"), again.path());
        assertEquals(20, again.sizeBytes());
    }

    @Test
    void aRunWithoutCheckpointsHasNoLatest() {
        Run other = StoreFixtures.spinRun(workspace, workspace.projects().create("Other", ""));
        checkpoints.record(other.id(), 1, 1, Path.of("x"), 1, "1");

        assertTrue(checkpoints.latest(run.id()).isEmpty());
        assertTrue(checkpoints.listByRun(run.id()).isEmpty());
    }
}
