package org.spinworkbench.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.spinworkbench.runs.RunOutcome;
import org.spinworkbench.runs.TinyRuns;
import org.testfx.util.WaitForAsyncUtils;

/** The project overview's Dashboard button opens the run's dashboard, one window per run. */
class MainWindowDashboardTest extends MainWindowTestBase {
    @Test
    void theDashboardButtonOpensOneWindowPerRun() throws Exception {
        RunOutcome outcome = TinyRuns.completedRun(workspace, folder, 1);
        interact(() -> window.viewModel().explorer().reload(null));
        interact(() -> window.viewModel().explorer().select(workspace.projects().find("Tiny").orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> runs = lookup("#runsTable").queryAs(TableView.class);
        interact(() -> runs.getSelectionModel().select(0));

        clickOn("#openDashboardButton");
        String title = "SPIN run " + outcome.runId() + " · Tiny";
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> dashboards(title).size() == 1);
        assertEquals("Completed", text("#dashboardStatus"));

        clickOn("#openDashboardButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, dashboards(title).size(), "asking again shows the same window");
        assertTrue(dashboards(title).get(0).isShowing());
    }

    private static List<Stage> dashboards(String title) {
        return Window.getWindows().stream().filter(Stage.class::isInstance).map(Stage.class::cast)
                .filter(stage -> title.equals(stage.getTitle())).toList();
    }
}
