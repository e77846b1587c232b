package org.spinworkbench.ui.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.runs.RunOutcome;
import org.spinworkbench.runs.TinyRuns;
import org.spinworkbench.store.Project;
import org.spinworkbench.store.RunStatus;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.ui.common.CurrentThreadTaskExecutor;
import org.spinworkbench.ui.common.Messages;

/** The overview's run table on runs recorded by real tiny SPIN runs. */
class ProjectRunsViewModelTest {
    @TempDir
    Path dir;
    private final List<String> status = new ArrayList<>();

    @Test
    void listsARecordedRunWithItsIterationsAndLastEvalMargin() throws Exception {
        try (Workspace workspace = Workspace.open(dir.resolve("ws"))) {
            RunOutcome outcome = TinyRuns.completedRun(workspace, dir, 2);
            Project tiny = workspace.projects().find("Tiny").orElseThrow();
            var runs = new ProjectRunsViewModel(workspace, new CurrentThreadTaskExecutor(),
                    Messages.forLocale(Locale.ENGLISH), status::add, id -> false, ZoneOffset.UTC);

            runs.show(tiny);

            assertTrue(runs.loadedProperty().get());
            assertEquals(1, runs.runs().size());
            RunRow row = runs.runs().get(0);
            assertEquals(outcome.runId(), row.run().id());
            assertEquals(RunStatus.COMPLETED, row.run().status());
            assertEquals(2, row.iterations());
            assertEquals(2, row.planned());
            double storedMargin = workspace.evaluations().listByRun(outcome.runId()).get(1).metrics()
                    .get("eval_rewards/margins");
            assertEquals(storedMargin, row.lastMargin(), 0.0);
            assertFalse(row.resumable(), "a completed run has nothing to resume");
            assertEquals("SPIN run " + outcome.runId(), runs.title(row));
            assertTrue(status.isEmpty(), status.toString());
        }
    }

    @Test
    void anInterruptedRunIsResumableUnlessItTrainsHereAndSelectionSurvivesARefresh() throws Exception {
        try (Workspace workspace = Workspace.open(dir.resolve("ws"))) {
            RunOutcome outcome = TinyRuns.completedRun(workspace, dir, 1);
            long runId = outcome.runId();
            workspace.runs().markRunning(runId); // as a run the app was closed or killed during
            Project tiny = workspace.projects().find("Tiny").orElseThrow();
            boolean[] live = {false};
            var runs = new ProjectRunsViewModel(workspace, new CurrentThreadTaskExecutor(),
                    Messages.forLocale(Locale.ENGLISH), status::add, id -> live[0] && id == runId, ZoneOffset.UTC);

            runs.show(tiny);
            runs.selectedProperty().set(runs.runs().get(0));
            assertTrue(runs.selected().resumable());

            live[0] = true;
            runs.refresh();
            assertEquals(runId, runs.selected().run().id(), "the selected run stays selected");
            assertTrue(runs.selected().live());
            assertFalse(runs.selected().resumable(), "a run training here is not resumed a second time");

            runs.show(null);
            assertTrue(runs.runs().isEmpty());
            assertNull(runs.project());
        }
    }
}
