package org.spinworkbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IterationRepositoryTest {
    @TempDir
    Path dir;
    SteppingClock clock = new SteppingClock(StoreFixtures.NOW);
    Workspace workspace;
    IterationRepository iterations;
    Run run;

    @BeforeEach
    void open() {
        workspace = Workspace.open(dir, clock);
        iterations = workspace.iterations();
        run = StoreFixtures.spinRun(workspace, workspace.projects().create("Tiny", ""));
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void iterationGoesThroughItsPhasesAndFinishes() {
        Iteration started = iterations.start(run.id(), 1);
        iterations.updateStatus(started.id(), IterationStatus.SCORING);
        Iteration training = iterations.updateStatus(started.id(), IterationStatus.TRAINING);
        clock.advance(Duration.ofMinutes(3));
        Iteration completed = iterations.finish(started.id(), IterationStatus.COMPLETED);

        assertEquals(IterationStatus.GENERATING, started.status());
        assertEquals(StoreFixtures.NOW, started.startedAt());
        assertEquals(IterationStatus.TRAINING, training.status());
        assertNull(training.finishedAt());
        assertEquals(IterationStatus.COMPLETED, completed.status());
        assertEquals(StoreFixtures.NOW, completed.startedAt());
        assertEquals(StoreFixtures.NOW.plus(Duration.ofMinutes(3)), completed.finishedAt());
        assertEquals(completed, iterations.find(run.id(), 1).orElseThrow());
    }

    @Test
    void resumingAFailedIterationClearsItsEnding() {
        Iteration iteration = iterations.start(run.id(), 1);
        iterations.finish(iteration.id(), IterationStatus.FAILED);

        Iteration resumed = iterations.updateStatus(iteration.id(), IterationStatus.TRAINING);

        assertEquals(IterationStatus.TRAINING, resumed.status());
        assertNull(resumed.finishedAt());
    }

    @Test
    void phasesAndEndingsAreNotInterchangeable() {
        Iteration iteration = iterations.start(run.id(), 1);

        assertThrows(IllegalArgumentException.class, () -> iterations.updateStatus(iteration.id(),
                IterationStatus.COMPLETED));
        assertThrows(IllegalArgumentException.class, () -> iterations.finish(iteration.id(),
                IterationStatus.EVALUATING));
    }

    @Test
    void anIterationNumberIsStartedOncePerRunAndCountsFromOne() {
        iterations.start(run.id(), 1);

        assertThrows(StoreException.class, () -> iterations.start(run.id(), 1));
        assertThrows(StoreException.class, () -> iterations.start(run.id(), 0));
    }

    @Test
    void listByRunIsInIterationOrderAndFindTellsRunsApart() {
        Run other = StoreFixtures.spinRun(workspace, workspace.projects().create("Other", ""));
        Iteration second = iterations.start(run.id(), 2);
        Iteration first = iterations.start(run.id(), 1);
        Iteration foreign = iterations.start(other.id(), 1);

        assertEquals(List.of(first, second), iterations.listByRun(run.id()));
        assertEquals(foreign, iterations.find(other.id(), 1).orElseThrow());
        assertTrue(iterations.find(run.id(), 3).isEmpty());
    }

    @Test
    void unknownIterationCannotChange() {
        assertThrows(StoreException.class, () -> iterations.updateStatus(4242, IterationStatus.SCORING));
    }
}
