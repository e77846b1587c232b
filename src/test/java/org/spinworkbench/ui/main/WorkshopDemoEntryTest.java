package org.spinworkbench.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.spinworkbench.runs.DemoRecipe;
import org.spinworkbench.runs.RunOutcome;
import org.spinworkbench.runs.RunService;
import org.spinworkbench.runs.RunSpec;
import org.spinworkbench.runs.TinyRuns;
import org.spinworkbench.store.RunStatus;
import org.spinworkbench.train.TrainingConfig;
import org.spinworkbench.ui.common.CurrentThreadTaskExecutor;
import org.spinworkbench.ui.demo.DemoLauncher;
import org.testfx.util.WaitForAsyncUtils;

/** Where the workshop demo is found: the welcome screen and the Help menu. The demo itself is not started here. */
class WorkshopDemoEntryTest extends MainWindowTestBase {

    @Test
    void theWelcomeScreenOffersTheDemoUnderTheFirstProjectButton() {
        assertTrue(showing("#emptyStateDemoButton"));
        assertEquals("Run the workshop demo…", text("#emptyStateDemoButton"));

        clickOn("#emptyStateDemoButton");

        Stage demo = demoStage();
        assertEquals("Workshop demo", demo.getTitle());
        assertSame(stage, demo.getOwner(), "owned by the main window");
        Button start = lookup("#demoStart").queryButton();
        assertFalse(start.isDisabled(), "ready to start");
        assertTrue(lookup("#demoCancel").queryButton().isDisabled(), "nothing to cancel yet");
        assertTrue(text("#demoExplanation").startsWith("The demo runs three SPIN iterations on a small bundled model"));
        assertTrue(text("#demoExplanation").contains("a few minutes on a laptop CPU"));
        TableView<?> results = lookup("#demoResults").queryAs(TableView.class);
        assertEquals(List.of("Model", "Accuracy", "Addition", "Reverse", "Sort", "Units", "Capitals", "Eval loss",
                "Reward margin"), results.getColumns().stream().map(c -> c.getText()).toList());
        assertTrue(results.getItems().isEmpty());

        clickOn("#demoClose");
        assertFalse(demo.isShowing(), "Close shuts an idle demo window without asking");
        assertTrue(showing("#emptyState"), "and nothing was run");
        assertTrue(workspace.projects().list().isEmpty());
    }

    @Test
    void theHelpMenuOpensTheDemoWhateverTheWindowShowsAndOnlyOnce() {
        givenProjects("Alpha");
        assertFalse(showing("#emptyStateDemoButton"));

        fire("menuDemo");
        Stage demo = demoStage();
        assertTrue(demo.isShowing());
        assertFalse(lookup("#demoStart").queryButton().isDisabled());

        fire("menuDemo");
        assertEquals(1, demoWindows().size(), "the open demo window comes forward; no second one");
    }

    @Test
    void theDemoWindowSpeaksChinese() {
        restart(Locale.SIMPLIFIED_CHINESE);
        assertEquals("运行工作坊演示…", text("#emptyStateDemoButton"));
        fire("menuDemo");
        assertEquals("工作坊演示", demoStage().getTitle());
        assertEquals("开始", text("#demoStart"));
        assertTrue(text("#demoExplanation").contains("三轮 SPIN 迭代"));
    }

    @Test
    void theDemoProjectIsListedAsSoonAsItsRunIsRecordedAndTheHeadlineComparesBothArms() throws Exception {
        java.util.concurrent.CountDownLatch listed = new java.util.concurrent.CountDownLatch(1);
        DemoLauncher standIn = (arm, listener, recorded, cancellation) -> {
            if (arm == DemoRecipe.Arm.SPIN) {
                workspace.projects().create(DemoRecipe.PROJECT, "");
                recorded.accept(1);
                listed.await(10, TimeUnit.SECONDS); // the test looks at the explorer while the run goes on
                listener.evaluated(0, 0, Map.of("eval_accuracy", 0.25));
                listener.evaluated(1, 3, Map.of("eval_accuracy", 0.5));
                return new RunOutcome(1, RunStatus.COMPLETED, null, List.of());
            }
            recorded.accept(2);
            listener.evaluated(1, 6, Map.of("eval_accuracy", 0.25));
            return new RunOutcome(2, RunStatus.COMPLETED, null, List.of());
        };
        interact(() -> {
            stage.close();
            stage = new Stage();
            window = new MainWindow(stage, workspace, new CurrentThreadTaskExecutor(), Locale.ENGLISH, liveRuns -> standIn);
            window.show();
        });
        clickOn("#emptyStateDemoButton");
        clickOn("#demoStart");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !showing("#emptyState"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(DemoRecipe.PROJECT, window.viewModel().explorer().selectedProject().name(),
                "listed while the demo runs");
        listed.countDown();

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text("#demoMessage").startsWith("Held-out accuracy"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Held-out accuracy: base model 25 %, after one iteration of self-play 50 %, continued SFT with"
                + " as many passes 25 %. On this run, self-play did better than continued SFT.", text("#demoMessage"));
        assertEquals(DemoRecipe.PROJECT, text("#overviewName"));
    }

    @Test
    void whenTheDemoEndsItsSelfPlayRunIsSelectedSoDashboardAndCompareWorkOnIt() throws Exception {
        java.nio.file.Path tiny = folder.resolve("tiny");
        java.nio.file.Path model = TinyRuns.model(tiny);
        java.nio.file.Path data = TinyRuns.data(tiny);
        long[] spinRun = new long[1];
        DemoLauncher tinyArms = (arm, listener, recorded, cancellation) -> {
            TrainingConfig training = arm == DemoRecipe.Arm.SPIN ? TinyRuns.config(1, 0)
                    : TinyRuns.config(1, 0).toBuilder().setKind(TrainingConfig.Kind.SFT).build();
            RunService.PreparedRun prepared = new RunService(workspace, ai.djl.Device.cpu()).prepare(RunSpec.builder()
                    .setProject(DemoRecipe.PROJECT).setBaseModel(model.toString()).setDataset(data.toString())
                    .setTraining(training).optDatasetFormat("PROMPT_RESPONSE").optEvalFraction(0.25).build(), listener);
            if (arm == DemoRecipe.Arm.SPIN) {
                spinRun[0] = prepared.run().id();
            }
            recorded.accept(prepared.run().id());
            return prepared.run(listener, cancellation);
        };
        interact(() -> {
            stage.close();
            stage = new Stage();
            window = new MainWindow(stage, workspace, new CurrentThreadTaskExecutor(), Locale.ENGLISH,
                    liveRuns -> tinyArms);
            window.show();
        });
        clickOn("#emptyStateDemoButton");
        clickOn("#demoStart");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> text("#demoMessage").startsWith("Held-out accuracy")
                || text("#demoMessage").contains("did better") || !lookup("#demoStart").queryButton().isDisabled());
        WaitForAsyncUtils.waitForFxEvents();

        var selected = window.viewModel().runs().selected();
        assertTrue(selected != null && selected.run().id() == spinRun[0], "the self-play run is selected: " + selected);
        for (Stage demo : demoWindows()) {
            interact(demo::toBack);
        }
        assertFalse(lookup("#openDashboardButton").queryButton().isDisabled());
        assertFalse(lookup("#compareResponsesButton").queryButton().isDisabled());
    }

    private List<Stage> demoWindows() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing() && s != stage
                && s.getScene() != null && s.getScene().getRoot().getId() != null
                && s.getScene().getRoot().getId().equals("demoWindow")).map(w -> (Stage) w).toList();
    }

    private Stage demoStage() {
        List<Stage> windows = demoWindows();
        assertEquals(1, windows.size(), "one demo window");
        return windows.get(0);
    }
}
