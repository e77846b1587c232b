package org.spinworkbench.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.spinworkbench.runs.LiveRun;
import org.spinworkbench.runs.RunOutcome;
import org.spinworkbench.runs.TinyRuns;
import org.spinworkbench.store.RunStatus;
import org.spinworkbench.ui.project.RunRow;
import org.testfx.util.WaitForAsyncUtils;

/** Runs in the main window: listed in their project's overview, and stopped before the window closes. */
class RunsInTheWindowTest extends MainWindowTestBase {

    @Test
    void aRecordedRunIsListedInItsProjectsOverview() throws Exception {
        RunOutcome outcome = TinyRuns.completedRun(workspace, folder.resolve("files"), 1);
        interact(() -> window.viewModel().explorer().reload(null));
        clickOn("Tiny");

        TableView<RunRow> table = lookup("#runsTable").query();
        assertEquals(1, table.getItems().size());
        assertEquals(outcome.runId(), table.getItems().get(0).run().id());
        assertTrue(lookup("#openDashboardButton").queryButton().isDisabled(), "nothing selected yet");
        clickOn("SPIN run " + outcome.runId());
        assertFalse(lookup("#openDashboardButton").queryButton().isDisabled());
        assertTrue(lookup("Completed").tryQuery().isPresent(), "the run's status is shown");
    }

    @Test
    void theRunsTableUsesTheRoomOfALargerWindow() throws Exception {
        TinyRuns.completedRun(workspace, folder.resolve("files"), 1);
        interact(() -> window.viewModel().explorer().reload(null));
        clickOn("Tiny");
        TableView<RunRow> table = lookup("#runsTable").query();
        interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        WaitForAsyncUtils.waitForFxEvents();
        double smallHeight = table.getHeight();
        interact(() -> {
            stage.setWidth(1600);
            stage.setHeight(1000);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table.getHeight() >= smallHeight + 250, "taller: " + smallHeight + " → " + table.getHeight());
        assertTrue(table.getWidth() > 1100, "and wider, with no empty band beside it: " + table.getWidth());
    }

    @Test
    void quittingWhileARunTrainsAsksThenStopsTheRunBeforeClosing() throws Exception {
        Path files = folder.resolve("files");
        LiveRun live = window.liveRuns().start(TinyRuns.spec(TinyRuns.model(files), TinyRuns.data(files, 48),
                TinyRuns.config(6, 1)));
        long runId = live.runId().get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Run " + runId + " of Tiny is training; its dashboard shows it.", text("#statusMessage"),
                "not \"Ready\" while a run trains");

        fire("menuQuit");
        assertTrue(lookup("#stopRunOnQuitConfirmation").tryQuery().isPresent(), "asks before stopping a training run");
        clickOn("#stopRunOnQuitKeep");
        assertTrue(stage.isShowing());
        assertFalse(live.finished());

        fire("menuQuit");
        clickOn("#stopRunOnQuitConfirm");
        RunOutcome stopped = live.outcome().get(120, TimeUnit.SECONDS);
        waitUntilClosed();
        assertEquals(RunStatus.CANCELLED, stopped.status(), stopped.message());
        assertEquals(RunStatus.CANCELLED, workspace.runs().findById(runId).orElseThrow().status());
    }

    @Test
    void theStatusBarSaysHowARunEndedAndTheLastProjectIsOpenedOnTheNextStart() throws Exception {
        Path files = folder.resolve("files");
        LiveRun live = window.liveRuns().start(TinyRuns.spec(TinyRuns.model(files), TinyRuns.data(files),
                TinyRuns.config(1, 0)));
        RunOutcome outcome = live.outcome().get(120, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Run " + outcome.runId() + ": completed.", text("#statusMessage"));

        interact(() -> window.viewModel().explorer().reload(null));
        clickOn("Tiny");
        interact(() -> {
            stage.close();
            stage = new javafx.stage.Stage();
            window = new MainWindow(stage, workspace, new org.spinworkbench.ui.common.CurrentThreadTaskExecutor(),
                    java.util.Locale.ENGLISH);
            window.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Tiny", window.viewModel().explorer().selectedProject().name(), "the last project, reselected");
    }

    private void waitUntilClosed() throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !stage.isShowing());
    }
}
