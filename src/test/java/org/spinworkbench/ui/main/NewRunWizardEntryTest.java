package org.spinworkbench.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.spinworkbench.runs.RunOutcome;
import org.spinworkbench.runs.TinyRuns;
import org.spinworkbench.store.RunStatus;
import org.testfx.util.WaitForAsyncUtils;

/** "New run…" in a project's overview opens the training wizard; a launched run joins the project's runs. */
class NewRunWizardEntryTest extends MainWindowTestBase {

    @Test
    void newRunOpensTheWizardOnTheProjectAndCancelClosesIt() throws TimeoutException {
        givenProjects("Alpha");
        clickOn("Alpha");
        clickOn("#newRunButton");
        WaitForAsyncUtils.waitForFxEvents();
        Stage wizard = (Stage) lookup("#trainingWizard").query().getScene().getWindow();
        assertEquals("New run in Alpha", wizard.getTitle());
        assertEquals(stage, wizard.getOwner());
        assertEquals("", lookup("#modelFolderField").queryAs(TextField.class).getText()); // a project without runs
        clickOn("#wizardCancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(lookup("#trainingWizard").tryQuery().isPresent());
    }

    @Test
    void aSecondRunStartsFromTheLatestRunsModelAndDataAndIsListedOnceLaunched() throws Exception {
        RunOutcome first = TinyRuns.completedRun(workspace, Files.createDirectories(folder.resolve("first")), 1);
        interact(() -> window.viewModel().explorer().reload(null));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lookup("Tiny").tryQuery().isPresent());
        clickOn("Tiny");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.viewModel().runs().runs().size() == 1);
        clickOn("#newRunButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !disabled("#wizardNext"));
        clickOn("#wizardNext");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !disabled("#wizardNext"));
        assertEquals("9 training and 3 held-out examples", text("#splitCounts")); // the first run held out 25 %
        clickOn("#wizardNext");
        for (String[] setting : new String[][] {{"#iterationsField", "1"}, {"#batchSizeField", "3"},
                {"#learningRateField", "1e-3"}, {"#maxLengthField", "64"}, {"#maxPromptLengthField", "32"},
                {"#maxNewTokensField", "6"}, {"#saveStepsField", "0"}}) {
            TextField field = lookup(setting[0]).queryAs(TextField.class);
            interact(() -> field.setText(setting[1]));
        }
        clickOn("#wizardNext");
        clickOn("#wizardNext");
        clickOn("#wizardLaunch");

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.viewModel().runs().runs().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(lookup("#trainingWizard").tryQuery().isPresent());
        long second = window.viewModel().runs().runs().get(0).run().id();
        assertTrue(second > first.runId());
        // the tiny run may already have ended here: its stored status is what counts
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> workspace.runs().findById(second).orElseThrow().status().finished());
        var stored = workspace.runs().findById(second).orElseThrow();
        assertEquals(RunStatus.COMPLETED, stored.status(), stored.message());
    }

    private boolean disabled(String id) {
        return lookup(id).queryAs(Button.class).isDisabled();
    }
}
