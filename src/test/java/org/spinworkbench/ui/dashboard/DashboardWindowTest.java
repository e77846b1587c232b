package org.spinworkbench.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.runs.LiveRun;
import org.spinworkbench.runs.LiveRuns;
import org.spinworkbench.runs.MetricCsv;
import org.spinworkbench.runs.RunService;
import org.spinworkbench.runs.TinyRuns;
import org.spinworkbench.store.RunStatus;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.TrainingListener;
import org.spinworkbench.ui.common.BackgroundTaskExecutor;
import org.spinworkbench.ui.common.Messages;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The dashboard window on real tiny runs training in the window's {@link LiveRuns}, with the real threads. */
@ExtendWith(ApplicationExtension.class)
class DashboardWindowTest extends FxRobot {
    @TempDir
    Path folder;
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private final AtomicInteger runChanges = new AtomicInteger();
    private Stage owner;
    private Workspace workspace;
    private LiveRuns liveRuns;
    private BackgroundTaskExecutor executor;
    private DashboardWindow window;

    @Start
    void start(Stage stage) {
        owner = stage;
        owner.setScene(new Scene(new StackPane(), 300, 200));
        owner.show();
    }

    @BeforeEach
    void openWorkspace() {
        workspace = Workspace.open(folder.resolve("workspace"));
        liveRuns = new LiveRuns(workspace, () -> new RunService(workspace, Device.cpu()));
        executor = new BackgroundTaskExecutor();
    }

    @AfterEach
    void closeEverything() throws Exception {
        liveRuns.cancelActive().handle((done, failure) -> null).get(60, TimeUnit.SECONDS);
        FxToolkit.cleanupStages();
        executor.close();
        workspace.close();
    }

    private LiveRun run;

    private long startRun(int iterations, int rows) throws Exception {
        run = liveRuns.start(TinyRuns.spec(TinyRuns.model(folder), TinyRuns.data(folder, rows),
                TinyRuns.config(iterations, 2)));
        return run.runId().get(60, TimeUnit.SECONDS);
    }

    /**
     * Holds the run at its next training step until it is asked to stop: a tiny run finishes in
     * seconds on an idle machine, sooner than a robot clicks through a confirmation.
     */
    private void holdTrainingUntilCancelled() {
        run.addListener(new TrainingListener() {
            @Override
            public void stepMetrics(int iteration, long step, Map<String, Double> metrics) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!run.cancelRequested() && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
                }
            }
        });
    }

    private void openDashboard(long runId) {
        Path exports = folder.resolve("exports");
        interact(() -> {
            window = new DashboardWindow(owner, liveRuns, executor, messages, runId, runChanges::incrementAndGet);
            window.chooseFilesWith((stage, title, suggested, filter, extension) ->
                    Optional.of(exports.resolve(suggested)));
            window.show();
        });
    }

    @Test
    void aLiveRunFillsTheChartsCompletesAndExportsItsCurves() throws Exception {
        long runId = startRun(2, 12);
        openDashboard(runId);
        waitUntil(() -> window.viewModel().curves().count("loss") > 0);
        assertTrue(interactAnd(() -> DashboardWindow.find(runId).orElseThrow()) == window, "one window per run");

        waitUntil(() -> "Completed".equals(text("#dashboardStatus")));
        WaitForAsyncUtils.waitForFxEvents();

        int recorded = workspace.metrics().series(runId, "loss").size();
        assertEquals(recorded, window.viewModel().curves().count("loss"), "every step drawn, once");
        ChartPanel loss = window.charts().panel("chart-loss");
        assertEquals(2, loss.shown().size(), "the raw curve and its smoothed line");
        assertEquals(recorded, loss.shown().get(0).getDataCount());
        assertEquals(2, interactAnd(() -> loss.iterationMarks().size()), "where each iteration ends");
        for (String chart : List.of("chart-loss", "chart-rewards")) {
            ChartPanel panel = window.charts().panel(chart);
            double lastEnd = interactAnd(() -> panel.iterationMarks().get(1));
            double axisEnd = interactAnd(() -> panel.chart().getXAxis().getMax());
            assertTrue(axisEnd > lastEnd, chart + ": the last iteration's marker (" + lastEnd
                    + ") lies inside the axis (to " + axisEnd + "), where it is drawn");
        }
        ChartPanel eval = window.charts().panel("chart-eval");
        waitUntil(() -> eval.shown().size() == 1);
        assertEquals(2, eval.shown().get(0).getDataCount(), "one held-out point per iteration");
        assertEquals(1.0, lookup("#dashboardProgress").queryAs(ProgressBar.class).getProgress());
        assertTrue(lookup("#dashboardResume").queryButton().isDisabled(), "a completed run is not resumed");
        assertTrue(lookup("#dashboardCancel").queryButton().isDisabled());
        assertTrue(runChanges.get() >= 1, "the overview hears the run ended");

        clickOn("#chart-loss-png");
        Path png = folder.resolve("exports/run-" + runId + "-chart-loss.png");
        waitUntil(() -> Files.isRegularFile(png) && text("#dashboardMessage").contains("chart-loss.png"));
        BufferedImage picture = ImageIO.read(png.toFile());
        assertTrue(picture.getWidth() > 200 && picture.getHeight() > 150,
                picture.getWidth() + " × " + picture.getHeight());

        clickOn("#dashboardExportCsv");
        Path csv = folder.resolve("exports/run-" + runId + "-curves.csv");
        waitUntil(() -> text("#dashboardMessage").contains("curves.csv"));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(MetricCsv.HEADER, lines.get(0));
        assertEquals(recorded, lines.stream().filter(line -> line.startsWith("loss,")).count());
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("eval_loss,2,")), "the last held-out loss");
    }

    @Test
    void aCancelledRunResumesToCompletion() throws Exception {
        long runId = startRun(1, 48);
        // held before the dashboard opens: on an idle machine the run could end before it joins
        holdTrainingUntilCancelled();
        openDashboard(runId);
        waitUntil(() -> !lookup("#dashboardCancel").queryButton().isDisabled());

        interact(() -> window.show()); // in front, so the robot's click lands on it
        clickOn("#dashboardCancel");
        waitUntil(() -> lookup("#cancelRunConfirmation").tryQuery().isPresent()); // asks before stopping the run
        clickOn("#cancelRunConfirm");
        waitUntil(() -> text("#dashboardStatus").startsWith("Cancelled"));
        assertEquals(RunStatus.CANCELLED, workspace.runs().findById(runId).orElseThrow().status());
        assertFalse(lookup("#dashboardResume").queryButton().isDisabled());
        assertTrue(lookup("#dashboardCancel").queryButton().isDisabled());

        clickOn("#dashboardResume");
        waitUntil(() -> "Completed".equals(text("#dashboardStatus")));

        assertEquals(RunStatus.COMPLETED, workspace.runs().findById(runId).orElseThrow().status());
        assertEquals(workspace.metrics().series(runId, "loss").size(), window.viewModel().curves().count("loss"));
        assertTrue(runChanges.get() >= 3, "stopped, resumed, completed: " + runChanges.get());
        assertTrue(window.isShowing());

        interact(() -> window.show()); // showing it again brings the same window forward
        clickOn("#dashboardClose");
        assertFalse(window.isShowing());
        assertSame(Optional.empty(), interactAnd(() -> DashboardWindow.find(runId)));
    }

    private <T> T interactAnd(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    private String text(String id) {
        return lookup(id).queryAs(Labeled.class).getText();
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
