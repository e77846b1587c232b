package org.spinworkbench.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.runs.TinyRuns;
import org.spinworkbench.store.Project;
import org.testfx.util.WaitForAsyncUtils;

/** The run table's Export… and Compare runs buttons open their windows on the selected run and its project. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ExportAndComparisonEntryTest extends MainWindowTestBase {
    @TempDir
    Path runFiles;

    @Test
    void exportOpensOnTheSelectedRunAndCompareRunsOnItsProject() throws IOException, TimeoutException {
        long runId = TinyRuns.completedRun(workspace, runFiles, 1).runId();
        Project tiny = workspace.projects().find("Tiny").orElseThrow();
        interact(() -> window.viewModel().explorer().reload(tiny.id()));
        TableView<?> runs = lookup("#runsTable").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runs.getItems().size() == 1);
        interact(() -> runs.getSelectionModel().select(0));

        clickOn("#exportRunButton");
        WaitForAsyncUtils.waitForFxEvents();
        Stage export = windowWithRoot("exportDialog");
        assertEquals("Export run", export.getTitle());
        assertEquals("Run " + runId + " (SPIN) of Tiny", text("#exportHeading"));
        interact(export::close);

        clickOn("#compareRunsButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Compare runs of Tiny", windowWithRoot("comparisonWindow").getTitle());
    }

    private Stage windowWithRoot(String id) {
        List<Stage> found = Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
                && s.getScene() != null && id.equals(s.getScene().getRoot().getId())).map(w -> (Stage) w).toList();
        assertEquals(1, found.size(), "one window with root #" + id);
        return found.get(0);
    }
}
