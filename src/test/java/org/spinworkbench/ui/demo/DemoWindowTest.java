package org.spinworkbench.ui.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.util.function.LongConsumer;
import org.spinworkbench.runs.DemoRecipe;
import org.spinworkbench.runs.RunOutcome;
import org.spinworkbench.store.RunStatus;
import org.spinworkbench.train.Cancellation;
import org.spinworkbench.train.Phase;
import org.spinworkbench.train.TrainingListener;
import org.spinworkbench.ui.common.Messages;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The demo window on a stand-in run that scores the base model, then works until it is
 * cancelled: the real threads (a demo thread, {@code Platform.runLater}) without the engine.
 */
@ExtendWith(ApplicationExtension.class)
class DemoWindowTest extends FxRobot {
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private final AtomicInteger runsEnded = new AtomicInteger();
    private final List<Long> dashboards = new java.util.concurrent.CopyOnWriteArrayList<>();
    private DemoViewModel viewModel;
    private DemoWindow window;

    @Start
    void start(Stage owner) {
        owner.setScene(new Scene(new StackPane(), 300, 200));
        owner.show();
        viewModel = new DemoViewModel(DemoWindowTest::runUntilCancelled, 3, messages,
                new DemoThreads(DemoViewModel.dedicatedThread(), Platform::runLater, System::nanoTime),
                id -> runsEnded.incrementAndGet());
        window = new DemoWindow(owner, viewModel, messages, dashboards::add);
        window.show();
    }

    @AfterEach
    void closeWindows() throws TimeoutException {
        viewModel.cancel(); // lets a stand-in run still going end
        FxToolkit.cleanupStages();
    }

    private static RunOutcome runUntilCancelled(DemoRecipe.Arm arm, TrainingListener listener, LongConsumer recorded,
                                                Cancellation cancellation) throws InterruptedException {
        recorded.accept(5);
        listener.log("Iteration 1: loading base-model");
        listener.evaluated(0, 0, Map.of("eval_accuracy", 0.24, "eval_accuracy/add", 0.5));
        listener.evaluated(1, 3, Map.of("eval_accuracy", 0.5, "eval_accuracy/add", 0.5));
        listener.phaseStarted(1, Phase.GENERATING);
        listener.progress(1, Phase.GENERATING, 1, 4);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!cancellation.requested() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return new RunOutcome(1, cancellation.requested() ? RunStatus.CANCELLED : RunStatus.FAILED,
                "Cancelled while preparing iteration 1", List.of());
    }

    @Test
    void aRunningDemoShowsItsProgressAndScoresAndCancelStopsIt() throws TimeoutException {
        clickOn("#demoStart");
        waitUntil(() -> "Generating responses".equals(text("#demoPhase")));

        assertTrue(lookup("#demoStart").queryButton().isDisabled(), "one run at a time");
        assertFalse(lookup("#demoCancel").queryButton().isDisabled());
        assertEquals("Iteration 1 of 3", text("#demoIteration"));
        assertEquals("1 / 4", text("#demoProgressText"));
        assertEquals(List.of("Iteration 1: loading base-model"), lookup("#demoLog").queryAs(ListView.class).getItems());
        TableView<DemoResult> results = lookup("#demoResults").query();
        assertEquals(2, results.getItems().size());
        assertEquals(List.of("Base model", "24 %", "50 %", "–", "–", "–", "–", "–", "–"),
                results.getColumns().stream().map(column -> cell(column, 0)).toList());
        DemoChart chart = lookup("#demoChart").query();
        assertEquals(List.of("0 → 24.0", "2 → 50.0"), points(chart, DemoRecipe.Arm.SPIN),
                "SPIN's line: base, then iteration 1 after its 2 passes");
        assertEquals(List.of("0 → 24.0"), points(chart, DemoRecipe.Arm.CONTROL), "the control starts at the base");

        clickOn("#demoOpenDashboard");
        assertEquals(List.of(5L), dashboards, "the dashboard of the run going now");

        clickOn("#demoCancel");
        waitUntil(() -> viewModel.stateProperty().get() == DemoViewModel.State.CANCELLED);

        assertEquals("The demo was stopped. What it finished is kept in the project \"Workshop demo\".",
                text("#demoMessage"));
        assertFalse(lookup("#demoStart").queryButton().isDisabled(), "it can run again");
        assertTrue(lookup("#demoCancel").queryButton().isDisabled());
        assertTrue(window.isShowing());
        assertEquals(2, runsEnded.get(), "recorded, then ended");
    }

    @Test
    void everyScoreColumnShowsItsWholeHeader() {
        TableView<?> results = lookup("#demoResults").queryAs(TableView.class);
        for (TableColumn<?, ?> column : results.getColumns()) {
            assertTrue(column.getWidth() >= org.spinworkbench.ui.common.TextWidth.of(column.getText()),
                    "\"" + column.getText() + "\" is cut: " + column.getWidth());
        }
    }

    @Test
    void closingWhileRunningAsksFirstAndThenCancels() throws TimeoutException {
        clickOn("#demoStart");
        waitUntil(() -> "Generating responses".equals(text("#demoPhase")));

        clickOn("#demoClose");
        assertTrue(lookup("#stopDemoConfirmation").tryQuery().isPresent(), "asks before stopping minutes of work");
        clickOn("#stopDemoKeep");
        assertTrue(window.isShowing());
        assertEquals(DemoViewModel.State.RUNNING, viewModel.stateProperty().get());

        clickOn("#demoClose");
        clickOn("#stopDemoConfirm");
        assertFalse(window.isShowing());
        waitUntil(() -> viewModel.stateProperty().get() == DemoViewModel.State.CANCELLED);
        assertEquals(2, runsEnded.get(), "the explorer still hears that the run ended");
    }

    private static List<String> points(DemoChart chart, DemoRecipe.Arm arm) {
        return chart.line(arm).getData().stream()
                .map(point -> point.getXValue().intValue() + " → " + point.getYValue().doubleValue()).toList();
    }

    private String text(String id) {
        return lookup(id).queryAs(Labeled.class).getText();
    }

    private static String cell(TableColumn<DemoResult, ?> column, int row) {
        return String.valueOf(column.getCellData(row));
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
