package org.spinworkbench.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.spinworkbench.runs.TinyRuns;
import org.spinworkbench.store.Iteration;
import org.spinworkbench.store.Split;
import org.testfx.util.WaitForAsyncUtils;

/** The project overview's "Compare responses" opens the compare view on the selected run. */
class CompareResponsesEntryTest extends MainWindowTestBase {

    @Test
    void compareResponsesOpensTheSelectedRunsSamples() throws Exception {
        long runId = TinyRuns.completedRun(workspace, folder, 1).runId();
        interact(() -> window.viewModel().explorer().reload(null));
        clickOn("Tiny");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> runs = lookup("#runsTable").queryAs(TableView.class);
        interact(() -> runs.getSelectionModel().select(0));

        clickOn("#compareResponsesButton");
        WaitForAsyncUtils.waitForFxEvents();

        Stage compare = Window.getWindows().stream().filter(w -> w.getScene().getRoot().getId() != null
                && w.getScene().getRoot().getId().equals("compareView")).map(Stage.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no compare window opened"));
        assertSame(stage, compare.getOwner());
        assertEquals("Compare responses: SPIN run " + runId, compare.getTitle());
        Iteration first = workspace.iterations().find(runId, 1).orElseThrow();
        int stored = workspace.samples().count(first.id(), Split.TRAIN);
        assertEquals(stored + " of " + stored + " prompts", text("#compareCount"));
    }
}
