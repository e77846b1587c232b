package org.spinworkbench.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.lm.SamplingOptions;
import org.spinworkbench.lm.hf.PretrainedModel;
import org.spinworkbench.lm.hf.TextGenerator;
import org.spinworkbench.runs.RunFolders;
import org.spinworkbench.runs.TinyRuns;
import org.spinworkbench.store.Iteration;
import org.spinworkbench.store.Sample;
import org.spinworkbench.store.Split;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.ui.common.CurrentThreadTaskExecutor;
import org.spinworkbench.ui.common.Messages;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The compare window on the samples of a real two-iteration tiny run, driven through its controls. */
@ExtendWith(ApplicationExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompareWindowTest extends FxRobot {
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private Workspace workspace;
    private long runId;
    private CompareWindow window;

    @BeforeAll
    void recordARun(@TempDir Path folder) throws Exception {
        workspace = Workspace.open(folder.resolve("workspace"));
        runId = TinyRuns.completedRun(workspace, folder, 2).runId();
    }

    @AfterAll
    void closeWorkspace() {
        workspace.close();
    }

    @Start
    void start(Stage owner) {
        owner.setScene(new Scene(new StackPane(), 300, 200));
        owner.show();
        window = new CompareWindow(owner, workspace, new CurrentThreadTaskExecutor(), messages, runId, Device::cpu);
        window.show();
    }

    @AfterEach
    void closeWindows() throws TimeoutException {
        FxToolkit.cleanupStages();
    }

    @Test
    void showsTheStoredSamplesSwitchesIterationFiltersAndHighlightsTheDifferences() throws TimeoutException {
        List<Sample> second = stored(2, Split.TRAIN);
        ComboBox<Integer> iteration = lookup("#compareIteration").query();
        assertEquals(2, iteration.getValue());
        assertEquals(second.size() + " of " + second.size() + " prompts", text("#compareCount"));
        assertEquals("SPIN run " + runId, text("#compareTitle"));

        Sample differing = second.stream().filter(s -> !s.realResponse().equals(s.syntheticResponse())).findFirst()
                .orElseThrow(() -> new AssertionError("the tiny model reproduced every answer"));
        clickOn("#compareSearch").write(differing.prompt());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(differing.prompt(), text("#comparePromptText"), "the only match is selected");
        assertEquals(differing.realResponse(), flowText("#compareRealText"));
        assertEquals(differing.syntheticResponse(), flowText("#compareSyntheticText"));
        assertTrue(styled("#compareRealText", DiffText.REMOVED) || styled("#compareSyntheticText", DiffText.ADDED),
                "what differs is highlighted");
        assertFalse(styled("#compareRealText", DiffText.ADDED), "the real side shows nothing only the model wrote");
        assertFalse(styled("#compareSyntheticText", DiffText.REMOVED));
        assertEquals(String.format(Locale.ENGLISH, "%.4f",
                differing.scores().rewardReal() - differing.scores().rewardSynthetic()), text("#numberMargin"));

        clickOn("#compareIteration");
        clickOn("Iteration 1");
        WaitForAsyncUtils.waitForFxEvents();
        Sample first = stored(1, Split.TRAIN).stream().filter(s -> s.exampleIndex() == differing.exampleIndex())
                .findFirst().orElseThrow();
        assertEquals(1, iteration.getValue());
        assertEquals(differing.prompt(), text("#comparePromptText"), "the same prompt stays selected");
        assertEquals(first.syntheticResponse(), flowText("#compareSyntheticText"));
        assertTrue(lookup("#compareFilterChanged").query().isDisabled(), "nothing to compare with at iteration 1");

        clickOn("#compareHistoryTab");
        ListView<HistoryEntry> history = lookup("#compareHistory").query();
        assertEquals(List.of(1, 2), history.getItems().stream().map(HistoryEntry::iteration).toList());

        interact(() -> lookup("#compareSearch").queryAs(TextInputControl.class).clear());
        clickOn("#compareIteration");
        clickOn("Iteration 2");
        clickOn("#compareFilterNegativeMargin");
        long negative = second.stream().filter(s -> s.scores().rewardReal() < s.scores().rewardSynthetic()).count();
        assertEquals(negative + " of " + second.size() + " prompts", text("#compareCount"));
        assertEquals(negative, lookup("#comparePrompts").queryAs(ListView.class).getItems().size());
        clickOn("#compareFilterNegativeMargin");

        clickOn("#compareSplitEval");
        int held = stored(2, Split.EVAL).size();
        assertEquals(held + " of " + held + " prompts", text("#compareCount"));
    }

    @Test
    void theListSaysWhatItsColumnAndStylesMeanKeepsTheMarginInViewAndEscCloses() throws TimeoutException {
        assertEquals("Reward margin", text("#compareMarginHeader"));
        assertTrue(text("#compareListLegend").contains("Italic"), text("#compareListLegend"));
        Stage stage = (Stage) lookup("#compareView").query().getScene().getWindow();
        interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
            // a list narrower than a prompt and its margin: the prompt must give way, not the margin
            ((javafx.scene.control.SplitPane) ((javafx.scene.layout.BorderPane) lookup("#compareView").query())
                    .getCenter()).setDividerPositions(0.1);
        });
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> prompts = lookup("#comparePrompts").queryAs(ListView.class);
        javafx.geometry.Bounds list = prompts.localToScene(prompts.getBoundsInLocal());
        for (javafx.scene.Node margin : lookup(".compare-cell-margin").queryAll()) {
            if (margin.isVisible() && !((Labeled) margin).getText().isEmpty()) {
                javafx.geometry.Bounds at = margin.localToScene(margin.getBoundsInLocal());
                assertTrue(at.getMaxX() <= list.getMaxX(), "a margin is cut off in a narrow list: " + at + " in " + list);
            }
        }

        clickOn("#compareSearch");
        push(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.isShowing(), "Esc closes the window");
    }

    @Test
    void triesTheIterationsModelOnATypedPromptOffTheFxThread() throws Exception {
        clickOn("#compareTryTab");
        Spinner<Double> temperature = lookup("#tryTemperature").query();
        interact(() -> {
            temperature.getEditor().setText("warm");
            temperature.commitValue(); // would throw on the FX thread with the spinner's own converter
        });
        assertEquals(0.0, temperature.getValue(), "text that is no number is ignored: still greedy");
        clickOn("#tryPrompt").write("4+7=");
        clickOn("#tryGenerate");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> !lookup("#tryStatus").queryAs(Labeled.class).getText().startsWith("Loading")
                        && !lookup("#tryProgress").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("", text("#tryError"));
        // a text area drops control characters, which a barely trained model may well produce
        String shown = greedy(2, "4+7=").replaceAll("[\\p{Cntrl}&&[^\n\t]]", "");
        assertEquals(shown, lookup("#tryOutput").queryAs(TextInputControl.class).getText());
        assertTrue(text("#tryStatus").contains("from the model of iteration 2"), text("#tryStatus"));
    }

    private String greedy(int iteration, String prompt) {
        Path model = RunFolders.of(workspace, workspace.runs().findById(runId).orElseThrow()).model(iteration);
        try (PretrainedModel loaded = PretrainedModel.load(model, Device.cpu())) {
            return new TextGenerator(loaded).generate(List.of(prompt), false, SamplingOptions.greedy(6), 1, n -> { })
                    .get(0).text();
        }
    }

    private List<Sample> stored(int number, Split split) {
        Iteration iteration = workspace.iterations().find(runId, number).orElseThrow();
        return workspace.samples().list(iteration.id(), split);
    }

    private String text(String id) {
        return lookup(id).queryAs(Labeled.class).getText();
    }

    private String flowText(String id) {
        StringBuilder text = new StringBuilder();
        for (Node child : lookup(id).queryAs(TextFlow.class).getChildren()) {
            if (!child.getStyleClass().contains("diff-empty")) {
                text.append(((Text) child).getText());
            }
        }
        return text.toString();
    }

    private boolean styled(String id, String styleClass) {
        return lookup(id).queryAs(TextFlow.class).getChildren().stream()
                .anyMatch(child -> child.getStyleClass().contains(styleClass));
    }
}
