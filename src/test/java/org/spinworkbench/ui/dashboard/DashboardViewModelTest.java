package org.spinworkbench.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.fair_acc.dataset.DataSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.runs.GlobalSteps;
import org.spinworkbench.runs.LiveRun;
import org.spinworkbench.runs.LiveRuns;
import org.spinworkbench.runs.MetricCsv;
import org.spinworkbench.runs.RunOutcome;
import org.spinworkbench.runs.RunService;
import org.spinworkbench.runs.TinyRuns;
import org.spinworkbench.runs.job.ClusterJobs;
import org.spinworkbench.store.MetricPoint;
import org.spinworkbench.store.RunStatus;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.ui.common.CurrentThreadTaskExecutor;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.dashboard.DashboardViewModel.State;

/**
 * The dashboard's state on real tiny runs. A single thread stands in for the FX thread and
 * another for the chart writer, so the threading is the application's without a window.
 */
class DashboardViewModelTest {
    @TempDir
    Path folder;
    private Workspace workspace;
    private LiveRuns liveRuns;
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private final ExecutorService fx = Executors.newSingleThreadExecutor();
    private final ExecutorService writer = Executors.newSingleThreadExecutor();
    private final AtomicInteger runChanges = new AtomicInteger();

    @BeforeEach
    void openWorkspace() {
        workspace = Workspace.open(folder.resolve("workspace"));
        liveRuns = new LiveRuns(workspace, () -> new RunService(workspace, Device.cpu()));
    }

    @AfterEach
    void closeEverything() throws Exception {
        liveRuns.cancelActive().handle((done, failure) -> null).get(60, TimeUnit.SECONDS);
        fx.shutdownNow();
        writer.shutdownNow();
        workspace.close();
    }

    private DashboardViewModel dashboard(long runId) throws Exception {
        DashboardViewModel viewModel = new DashboardViewModel(workspace, liveRuns,
                new DashboardThreads(new CurrentThreadTaskExecutor(), fx, writer, System::nanoTime), messages, runId,
                runChanges::incrementAndGet);
        onFx(() -> {
            viewModel.open();
            return null;
        });
        return viewModel;
    }

    @Test
    void aCompletedRunShowsEveryCurveOnTheGlobalStepWithItsIterationBoundaries() throws Exception {
        RunOutcome outcome = TinyRuns.completedRun(workspace, folder, 2);
        DashboardViewModel viewModel = dashboard(outcome.runId());
        waitUntil(() -> viewModel.stateProperty().get() == State.COMPLETED);
        settleCharts();

        // the iteration lengths, as the store has them
        Map<Integer, Long> lengths = new TreeMap<>();
        for (MetricPoint point : workspace.metrics().series(outcome.runId(), "loss")) {
            lengths.merge(point.iteration(), point.step(), Math::max);
        }
        long first = lengths.get(1);
        long total = first + lengths.get(2);
        assertEquals(List.of(first, total), onFx(() -> new ArrayList<>(viewModel.boundaries())));
        for (String metric : RunCurves.TRAINING_METRICS) {
            assertEquals(total, viewModel.curves().count(metric), metric + ": one point per step");
            assertArrayEquals(steps(1, total), xs(viewModel.curves().raw(metric)), 0, metric + " on the global step");
            assertEquals(total, viewModel.curves().smoothed(metric).getDataCount(), metric + " smoothed");
        }
        List<String> evalMetrics = onFx(() -> new ArrayList<>(viewModel.evalMetrics()));
        assertTrue(evalMetrics.containsAll(List.of("eval_loss", "eval_rewards/margins", "eval_rewards/accuracies")),
                evalMetrics.toString());
        for (String metric : evalMetrics) {
            assertArrayEquals(new double[] {first, total}, xs(viewModel.curves().eval(metric)), 0,
                    metric + ": one point where each iteration ends");
        }
        double lastEvalLoss = workspace.evaluations().listByRun(outcome.runId()).get(1).metrics().get("eval_loss");
        assertEquals(lastEvalLoss, viewModel.curves().eval("eval_loss").get(DataSet.DIM_Y, 1), 1e-12);
        assertEquals("SPIN run " + outcome.runId() + " · Tiny", onFx(() -> viewModel.titleProperty().get()));
        assertEquals("Completed", onFx(() -> viewModel.statusTextProperty().get()));
        assertEquals(1.0, onFx(() -> viewModel.progress().progressProperty().get()));

        // reopened, the run shows the log it wrote while training, down to how it ended
        List<String> log = onFx(() -> new ArrayList<>(viewModel.log()));
        assertTrue(log.get(0).contains("  Run " + outcome.runId() + " (SPIN) of project Tiny: "), log.toString());
        assertTrue(log.stream().anyMatch(line -> line.endsWith("  Iteration 2: training")), log.toString());
        assertTrue(log.get(log.size() - 2).endsWith("  Run " + outcome.runId() + " completed."), log.toString());
        assertTrue(log.get(log.size() - 1).startsWith("Opened SPIN run"), log.toString());
    }

    @Test
    void anIterationTrainedByAClusterJobIsDrawnFromItsTrainersCurve() throws Exception {
        long run = ClusterJobs.importedRun(workspace, folder);
        DashboardViewModel viewModel = dashboard(run);
        waitUntil(() -> viewModel.stateProperty().get() == State.STOPPED);
        settleCharts();

        DataSet margins = viewModel.curves().raw("rewards/margins");
        assertArrayEquals(steps(1, 6), xs(margins), 0, "the trainer's six logged steps");
        for (int i = 0; i < 6; i++) {
            assertEquals(ClusterJobs.logged("rewards/margins", i + 1), margins.get(DataSet.DIM_Y, i), 1e-12);
        }
        assertArrayEquals(new double[] {6}, xs(viewModel.curves().eval("eval_rewards/margins")), 0,
                "evaluated here where the trainer stopped");
        assertEquals(List.of(6L), onFx(() -> new ArrayList<>(viewModel.boundaries())));
        List<String> log = onFx(() -> new ArrayList<>(viewModel.log()));
        assertTrue(log.stream().anyMatch(line -> line.contains("Iteration 1: importing the model trained by the"
                + " cluster job in " + folder.resolve("job"))), log.toString());
    }

    @Test
    void smoothingRedrawsTheSmoothedCurvesFromTheRawOnes() throws Exception {
        RunOutcome outcome = TinyRuns.completedRun(workspace, folder, 1);
        DashboardViewModel viewModel = dashboard(outcome.runId());
        waitUntil(() -> viewModel.stateProperty().get() == State.COMPLETED);

        viewModel.smoothWith(0.9);
        settleCharts();
        double[] raw = ys(viewModel.curves().raw("loss"));
        assertArrayEquals(Ema.smooth(raw, 0.9), ys(viewModel.curves().smoothed("loss")), 1e-12);

        viewModel.smoothWith(0);
        settleCharts();
        assertArrayEquals(raw, ys(viewModel.curves().smoothed("loss")), 1e-12, "no smoothing: the raw curve");
    }

    @Test
    void theCsvExportHoldsEveryRecordedPoint() throws Exception {
        RunOutcome outcome = TinyRuns.completedRun(workspace, folder, 2);
        DashboardViewModel viewModel = dashboard(outcome.runId());
        waitUntil(() -> viewModel.stateProperty().get() == State.COMPLETED);
        Path file = folder.resolve("out/curves.csv");
        List<String> errors = new ArrayList<>();

        onFx(() -> {
            viewModel.exports().exportCsv(file, errors::add);
            return null;
        });

        assertEquals(List.of(), errors);
        List<String> lines = Files.readAllLines(file);
        assertEquals(MetricCsv.HEADER, lines.get(0));
        long trainingPoints = workspace.metrics().names(outcome.runId()).stream().filter(n -> !n.startsWith("eval_"))
                .mapToLong(n -> workspace.metrics().series(outcome.runId(), n).size()).sum();
        long evalPoints = workspace.evaluations().listByRun(outcome.runId()).stream()
                .mapToLong(e -> e.metrics().size()).sum();
        assertEquals(1 + trainingPoints + evalPoints, lines.size());
        MetricPoint firstLoss = workspace.metrics().series(outcome.runId(), "loss").get(0);
        assertTrue(lines.contains("loss,1,1,1," + firstLoss.value()), "the first loss point");
        long firstLength = workspace.metrics().series(outcome.runId(), "loss").stream()
                .filter(p -> p.iteration() == 1).count();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("loss,2,1," + (firstLength + 1) + ",")),
                "iteration 2 continues the global step");
        assertTrue(onFx(() -> viewModel.exports().messageProperty().get()).contains("curves.csv"));
    }

    @Test
    void livePointsAlreadyDrawnFromTheHistoryAreNotDrawnAgain() throws Exception {
        RunOutcome outcome = TinyRuns.completedRun(workspace, folder, 1);
        GlobalSteps steps = new GlobalSteps();
        RunCurves curves = new RunCurves(steps, 0, metric -> { });
        CurveFeed feed = new CurveFeed(curves, Runnable::run);
        RunHistory history = RunHistory.load(workspace, outcome.runId(), steps);
        long length = history.training().stream().filter(r -> r.metric().equals("loss")).count();

        // heard while the history is still being read: held back, then deduplicated
        feed.live(() -> curves.addStep(1, length, Map.of("loss", 0.123)));
        assertEquals(0, curves.count("loss"));
        feed.history(history);
        assertEquals(length, curves.count("loss"));
        assertTrue(curves.raw("loss").get(DataSet.DIM_Y, (int) length - 1) != 0.123, "the recorded value stays");

        feed.live(() -> curves.addStep(2, 1, Map.of("loss", 0.5)));
        feed.live(() -> curves.addStep(2, 1, Map.of("loss", 0.5)));
        assertEquals(length + 1, curves.count("loss"), "a new step once, however often it is heard");
        assertEquals(length + 1, curves.raw("loss").get(DataSet.DIM_X, (int) length), 0);
    }

    @Test
    void joiningALiveRunCancellingItAndResumingItToTheEnd() throws Exception {
        Path model = TinyRuns.model(folder);
        Path data = TinyRuns.data(folder);
        LiveRun run = liveRuns.start(TinyRuns.spec(model, data, TinyRuns.config(2, 2)));
        long runId = run.runId().get(60, TimeUnit.SECONDS);
        DashboardViewModel viewModel = dashboard(runId);
        waitUntil(() -> viewModel.stateProperty().get() == State.TRAINING);
        assertEquals("Training", onFx(() -> viewModel.statusTextProperty().get()));

        onFx(() -> {
            viewModel.cancel();
            return null;
        });
        assertEquals(State.STOPPING, onFx(() -> viewModel.stateProperty().get()));
        assertEquals("Stopping after the current step…", onFx(() -> viewModel.statusTextProperty().get()));
        waitUntil(() -> viewModel.stateProperty().get() == State.STOPPED);
        assertEquals(RunStatus.CANCELLED, workspace.runs().findById(runId).orElseThrow().status());
        assertTrue(onFx(() -> viewModel.statusTextProperty().get()).startsWith("Cancelled"));
        int changesWhenStopped = runChanges.get();
        assertTrue(changesWhenStopped >= 1, "the overview hears the run stopped");

        // another run training in the window: resuming is refused in words
        LiveRun other = liveRuns.start(TinyRuns.spec(model, data, TinyRuns.config(1, 2)));
        List<String> errors = new ArrayList<>();
        onFx(() -> {
            viewModel.resume(errors::add);
            return null;
        });
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith("Another run is training in this window"), errors.get(0));
        assertEquals(State.STOPPED, onFx(() -> viewModel.stateProperty().get()));
        other.outcome().get(120, TimeUnit.SECONDS);

        onFx(() -> {
            viewModel.resume(errors::add);
            return null;
        });
        assertEquals(State.TRAINING, onFx(() -> viewModel.stateProperty().get()));
        waitUntil(() -> viewModel.stateProperty().get() == State.COMPLETED);
        settleCharts();

        assertEquals(1, errors.size());
        assertEquals(RunStatus.COMPLETED, workspace.runs().findById(runId).orElseThrow().status());
        assertTrue(runChanges.get() >= changesWhenStopped + 2, "resumed, then ended");
        int recorded = workspace.metrics().series(runId, "loss").size();
        assertEquals(recorded, viewModel.curves().count("loss"), "every step once, across cancel and resume");
        double[] x = xs(viewModel.curves().raw("loss"));
        assertArrayEquals(steps(1, recorded), x, 0);
        assertEquals(2, onFx(() -> viewModel.boundaries().size()));
        List<String> log = onFx(() -> new ArrayList<>(viewModel.log()));
        assertTrue(log.stream().anyMatch(l -> l.startsWith("Cancel requested")), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("Resuming")), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.contains("Iteration 2")), "the run's own log lines: " + log);
        assertFalse(viewModel.live().isPresent(), "no longer listening to the finished run");
    }

    @Test
    void aRunLeftRunningByAKilledWorkbenchIsResumable() throws Exception {
        LiveRun run = liveRuns.start(TinyRuns.spec(TinyRuns.model(folder), TinyRuns.data(folder),
                TinyRuns.config(1, 2)));
        long runId = run.runId().get(60, TimeUnit.SECONDS);
        run.cancel();
        assertEquals(RunStatus.CANCELLED, run.outcome().get(120, TimeUnit.SECONDS).status());
        workspace.runs().markRunning(runId); // what a kill leaves: running in the store, training nowhere

        DashboardViewModel viewModel = dashboard(runId);
        waitUntil(() -> viewModel.stateProperty().get() == State.STOPPED);
        assertTrue(onFx(() -> viewModel.statusTextProperty().get()).startsWith("Interrupted"));

        List<String> errors = new ArrayList<>();
        onFx(() -> {
            viewModel.resume(errors::add);
            return null;
        });
        waitUntil(() -> viewModel.stateProperty().get() == State.COMPLETED);
        assertEquals(List.of(), errors);
        assertEquals(RunStatus.COMPLETED, workspace.runs().findById(runId).orElseThrow().status());
        assertEquals(workspace.metrics().series(runId, "loss").size(), viewModel.curves().count("loss"));
        assertEquals("1 of 1 iterations completed", onFx(() -> viewModel.progress().iterationTextProperty().get()));
    }

    private <T> T onFx(Callable<T> work) throws Exception {
        return fx.submit(work).get(30, TimeUnit.SECONDS);
    }

    /** Everything queued for the charts so far has been drawn. */
    private void settleCharts() throws Exception {
        fx.submit(() -> null).get(30, TimeUnit.SECONDS);
        writer.submit(() -> null).get(30, TimeUnit.SECONDS);
    }

    private void waitUntil(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!onFx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(20);
        }
        settleCharts();
    }

    private static double[] steps(long from, long to) {
        double[] steps = new double[(int) (to - from + 1)];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = from + i;
        }
        return steps;
    }

    private static double[] xs(DataSet data) {
        assertNotNull(data);
        double[] x = new double[data.getDataCount()];
        for (int i = 0; i < x.length; i++) {
            x[i] = data.get(DataSet.DIM_X, i);
        }
        return x;
    }

    private static double[] ys(DataSet data) {
        double[] y = new double[data.getDataCount()];
        for (int i = 0; i < y.length; i++) {
            y[i] = data.get(DataSet.DIM_Y, i);
        }
        return y;
    }
}
