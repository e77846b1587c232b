package org.spinworkbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One prompt followed across a run's iterations, as the compare view's history shows it. */
class SampleHistoryTest {
    @TempDir
    Path dir;
    Workspace workspace;

    @BeforeEach
    void open() {
        workspace = Workspace.open(dir, StoreFixtures.fixedClock());
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void aPromptsSamplesComeInIterationOrderForItsRunAndSplitOnly() {
        Project project = workspace.projects().create("Tiny", "");
        Run run = StoreFixtures.spinRun(workspace, project);
        Run other = StoreFixtures.spinRun(workspace, project);
        // started out of order: the history follows the iteration number, not the insertion
        Iteration second = workspace.iterations().start(run.id(), 2);
        Iteration first = workspace.iterations().start(run.id(), 1);
        Iteration elsewhere = workspace.iterations().start(other.id(), 1);
        Sample later = StoreFixtures.sample(second.id(), Split.TRAIN, 3);
        Sample earlier = StoreFixtures.sample(first.id(), Split.TRAIN, 3);
        workspace.samples().insertAll(List.of(later, earlier, StoreFixtures.sample(first.id(), Split.TRAIN, 4),
                StoreFixtures.sample(first.id(), Split.EVAL, 3), StoreFixtures.sample(elsewhere.id(), Split.TRAIN, 3)));

        assertEquals(List.of(earlier, later), workspace.samples().history(run.id(), Split.TRAIN, 3));
        assertEquals(1, workspace.samples().history(run.id(), Split.EVAL, 3).size());
        assertEquals(List.of(), workspace.samples().history(run.id(), Split.TRAIN, 99));
    }
}
