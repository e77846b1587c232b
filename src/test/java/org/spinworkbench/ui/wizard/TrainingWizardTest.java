package org.spinworkbench.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.data.ProblemPolicy;
import org.spinworkbench.lm.LoraConfig;
import org.spinworkbench.runs.LiveRuns;
import org.spinworkbench.runs.RunFolders;
import org.spinworkbench.runs.RunOutcome;
import org.spinworkbench.runs.RunService;
import org.spinworkbench.runs.RunSpec;
import org.spinworkbench.runs.TinyRuns;
import org.spinworkbench.store.Project;
import org.spinworkbench.store.Run;
import org.spinworkbench.store.RunStatus;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.ui.common.BackgroundTaskExecutor;
import org.spinworkbench.ui.common.Messages;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wizard window clicked through headless, with the real background executor, on the tiny
 * real model: model → data → parameters → review → launch, and a real run recorded and trained.
 * Paths are typed into their fields, as the Browse buttons open native choosers.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingWizardTest extends FxRobot {
    @TempDir
    Path dir;

    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private final BackgroundTaskExecutor executor = new BackgroundTaskExecutor();
    private final CompletableFuture<Long> launched = new CompletableFuture<>();
    private Stage owner;
    private Workspace workspace;
    private LiveRuns liveRuns;
    private Project project;
    private Path model;
    private Path data;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @BeforeEach
    void openTheWizard() throws Exception {
        workspace = Workspace.open(dir.resolve("ws"));
        liveRuns = new LiveRuns(workspace, () -> new RunService(workspace, Device.cpu()));
        project = workspace.projects().create("Sums", "");
        model = TinyRuns.model(dir);
        data = TinyRuns.data(dir);
        interact(() -> new TrainingWizard(owner, liveRuns, executor, messages, project, launched::complete)
                .show());
    }

    @AfterEach
    void closeEverything() throws Exception {
        FxToolkit.cleanupStages();
        liveRuns.cancelActive().handle((outcome, failure) -> null).get(120, TimeUnit.SECONDS);
        executor.close();
        workspace.close();
    }

    @Test
    void clickingThroughTheWizardLaunchesARealRunThatCompletes() throws Exception {
        assertTrue(lookup("#wizardStep0").queryAs(Labeled.class).getStyleClass().contains("wizard-step-current"));
        assertTrue(disabled("#wizardNext"));
        assertTrue(disabled("#wizardBack"));
        clickOn("#modelFolderField").write(model.toString()).push(KeyCode.ENTER);
        waitUntil(() -> !disabled("#wizardNext"));
        assertTrue(text("#modelSummary").contains("Architecture: LlamaForCausalLM"), text("#modelSummary"));
        clickOn("#wizardNext");

        assertTrue(showing("#wizardDataStep"));
        assertTrue(disabled("#wizardNext"));
        assertFalse(showing("#dataProblems"), "no verdict (\"Every row is usable\") before a file is read");
        clickOn("#dataFileField").write(data.toString() + ".missing").push(KeyCode.ENTER);
        waitUntil(() -> !text("#dataError").isEmpty());
        assertFalse(showing("#dataProblems"), "nor for a file that cannot be read: " + text("#dataError"));
        replace("#dataFileField", data.toString());
        push(KeyCode.ENTER);
        waitUntil(() -> text("#splitCounts").equals("11 training and 1 held-out examples"));
        replace("#evalFractionField", "0.25");
        waitUntil(() -> text("#splitCounts").equals("9 training and 3 held-out examples"));
        ListView<?> preview = lookup("#dataPreview").queryAs(ListView.class);
        assertEquals(3, preview.getItems().size());
        assertEquals("<|im_start|>user\n0+3=<|im_end|>\n<|im_start|>assistant\n3<|im_end|>\n",
                ((PreviewRow) preview.getItems().get(0)).text());
        clickOn("#wizardNext");

        assertTrue(showing("#wizardParametersStep"));
        // the defaults' 1024 tokens are shortened to the model's 256, so Next is open before anything is typed
        assertEquals("Lengths shortened to fit the model's context of 256 tokens.", text("#parametersNotice"));
        assertEquals("256", ((javafx.scene.control.TextField) lookup("#maxLengthField").query()).getText());
        assertFalse(disabled("#wizardNext"));
        replace("#maxLengthField", "300");
        assertEquals("Max length must not exceed the model's context of 256 tokens.", text("#parametersError"));
        assertTrue(lookup("#maxLengthField").query().getStyleClass().contains(ParametersStepView.INVALID));
        assertTrue(disabled("#wizardNext"));
        replace("#maxLengthField", "64");
        replace("#maxPromptLengthField", "64");
        assertEquals("Max prompt length must be less than Max length (64).", text("#parametersError"));
        replace("#maxPromptLengthField", "32");
        replace("#iterationsField", "1");
        replace("#batchSizeField", "3");
        replace("#learningRateField", "1e-3");
        replace("#maxNewTokensField", "6");
        replace("#saveStepsField", "2");
        assertTrue(disabled("#loraTargetsField"), "targets wait for a rank above 0");
        replace("#loraRankField", "4");
        assertFalse(disabled("#loraTargetsField"));
        replace("#loraTargetsField", "q_proj,lm_head");
        assertTrue(showing("#parametersError"));
        assertTrue(disabled("#wizardNext"));
        replace("#loraTargetsField", "q_proj,down_proj");
        assertFalse(showing("#parametersError"));
        CheckBox checkpointing = lookup("#gradientCheckpointingCheck").queryAs(CheckBox.class);
        interact(checkpointing::fire); // below the fold of the scrolled page: fired as a click would
        assertTrue(checkpointing.isSelected());
        assertFalse(disabled("#wizardNext"));
        clickOn("#wizardNext");

        assertTrue(showing("#wizardReviewStep"));
        TableView<?> review = lookup("#reviewTable").queryAs(TableView.class);
        assertEquals("Sums", ((ReviewLine) review.getItems().get(0)).value());
        assertTrue(review.getItems().stream().anyMatch(line -> ((ReviewLine) line).label().equals("Iterations")
                && ((ReviewLine) line).value().equals("1")));
        assertTrue(review.getItems().stream().anyMatch(line -> ((ReviewLine) line).label().equals("LoRA targets")
                && ((ReviewLine) line).value().equals("q_proj, down_proj")));
        clickOn("#wizardNext");

        assertTrue(showing("#wizardLaunchStep"));
        assertFalse(showing("#wizardNext"));
        clickOn("#wizardLaunch");
        long runId = launched.get(60, TimeUnit.SECONDS);
        waitUntil(() -> lookup("#trainingWizard").tryQuery().isEmpty());

        Run run = workspace.runs().findById(runId).orElseThrow();
        assertEquals(project.id(), run.projectId());
        RunOutcome outcome = liveRuns.find(runId).orElseThrow().outcome().get(120, TimeUnit.SECONDS);
        assertEquals(RunStatus.COMPLETED, outcome.status(), outcome.message());
        assertEquals(RunStatus.COMPLETED, workspace.runs().findById(runId).orElseThrow().status());
        LoraConfig lora = RunSpec.fromJson(run.configJson()).training().loraSettings().orElseThrow();
        assertEquals(new LoraConfig(4, LoraConfig.DEFAULT_ALPHA, 0, List.of("q_proj", "down_proj")), lora);
        assertTrue(RunSpec.fromJson(run.configJson()).training().gradientCheckpointing());
        assertTrue(Files.isRegularFile(RunFolders.of(workspace, run).adapter(1).resolve("adapter_config.json")));
    }

    @Test
    void problemsAreShownInTheirStepAndBlockNext() throws Exception {
        clickOn("#modelFolderField").write(dir.toString()).push(KeyCode.ENTER);
        waitUntil(() -> showing("#modelError"));
        assertTrue(text("#modelError").contains("config.json"), text("#modelError"));
        assertTrue(disabled("#wizardNext"));

        replace("#modelFolderField", model.toString());
        push(KeyCode.ENTER);
        waitUntil(() -> !disabled("#wizardNext"));
        assertFalse(showing("#modelError"));
        clickOn("#wizardNext");

        clickOn("#dataFileField").write(WizardFiles.jsonlWithBadLines(dir).toString()).push(KeyCode.ENTER);
        waitUntil(() -> showing("#dataError"));
        assertEquals(2, lookup("#dataProblems").queryAs(ListView.class).getItems().size());
        assertTrue(text("#dataError").contains("a run would stop at the first (line 2: "), text("#dataError"));
        assertTrue(disabled("#wizardNext"));
        @SuppressWarnings("unchecked")
        ChoiceBox<ProblemPolicy> policy = lookup("#problemPolicyChoice").queryAs(ChoiceBox.class);
        interact(() -> policy.setValue(ProblemPolicy.SKIP));
        waitUntil(() -> !disabled("#wizardNext"));
        assertEquals("9 training and 1 held-out examples", text("#splitCounts"));

        clickOn("#wizardBack");
        assertTrue(showing("#wizardModelStep"));
        assertEquals(model.toString(), lookup("#modelFolderField").queryAs(TextField.class).getText());
        clickOn("#wizardCancel");
        waitUntil(() -> lookup("#trainingWizard").tryQuery().isEmpty());
        assertFalse(launched.isDone());
        assertTrue(workspace.runs().listAll().isEmpty());
    }

    /** Puts the keyboard in {@code id} with its text selected, and types {@code text} over it. */
    private void replace(String id, String text) {
        TextField field = lookup(id).queryAs(TextField.class);
        interact(() -> {
            field.requestFocus();
            field.selectAll();
        });
        write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean disabled(String id) {
        return lookup(id).query().isDisabled();
    }

    private String text(String id) {
        return lookup(id).queryAs(Labeled.class).getText();
    }

    private boolean showing(String id) {
        return lookup(id).tryQuery().map(Node::isVisible).orElse(false);
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents(); // the rest of the FX event that made it true
    }
}
