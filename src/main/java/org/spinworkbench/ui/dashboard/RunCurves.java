package org.spinworkbench.ui.dashboard;

import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.spinworkbench.runs.GlobalSteps;
import org.spinworkbench.runs.MetricRow;

/**
 * The ChartFX data sets of one run's dashboard: per training metric a raw curve (drawn faint)
 * and its smoothed curve, per held-out metric one point per evaluated iteration, all on the
 * run's global step.
 *
 * <p>Threading contract: every method that writes a data set runs <em>off</em> the FX thread
 * (the dashboard's chart writer thread, or a test thread). A ChartFX data set locks itself
 * while it is written and the chart holds its read lock during layout; writing it on the FX
 * thread from inside a pulse deadlocks the window. The chart repaints the new points on its
 * next pulse by itself. Points arrive from the history and from the live run; a point at a
 * global step a curve already has is dropped, so a run joined mid-way draws each step once.
 */
final class RunCurves {
    private final AtomicReference<Double> pendingSmoothing = new AtomicReference<>();
    /** The training metrics the dashboard always charts, in the order of its charts. */
    static final List<String> TRAINING_METRICS = List.of("loss", "rewards/real", "rewards/generated",
            "rewards/margins", "rewards/accuracies", "logps/real", "logps/generated", "learning_rate", "grad_norm");

    private final GlobalSteps steps;
    private final Consumer<String> onNewEvalMetric;
    private final Map<String, Curve> training = new LinkedHashMap<>();
    private final Map<String, Curve> eval = new LinkedHashMap<>();
    private double smoothing;

    /**
     * @param onNewEvalMetric told (on the writing thread) the name of each held-out metric when
     *                        its first point arrives, so the window can offer it
     */
    RunCurves(GlobalSteps steps, double smoothing, Consumer<String> onNewEvalMetric) {
        this.steps = steps;
        this.smoothing = new Ema(smoothing).weight();
        this.onNewEvalMetric = onNewEvalMetric;
        for (String metric : TRAINING_METRICS) {
            training.put(metric, new Curve(metric, true));
        }
    }

    /** The raw curve of a training metric (created empty if it has no points yet). */
    synchronized DataSet raw(String metric) {
        return training.computeIfAbsent(metric, name -> new Curve(name, true)).raw;
    }

    /** The smoothed curve of a training metric. */
    synchronized DataSet smoothed(String metric) {
        return training.computeIfAbsent(metric, name -> new Curve(name, true)).smoothed;
    }

    /** The points of a held-out metric, one per evaluated iteration; null before its first point. */
    synchronized DataSet eval(String metric) {
        Curve curve = eval.get(metric);
        return curve == null ? null : curve.raw;
    }

    synchronized List<String> evalMetrics() {
        return List.copyOf(eval.keySet());
    }

    synchronized GlobalSteps steps() {
        return steps;
    }

    /** Draws the history loaded from the workspace. */
    synchronized void addHistory(RunHistory history) {
        requireWorkerThread();
        for (MetricRow row : history.training()) {
            training.computeIfAbsent(row.metric(), name -> new Curve(name, true)).add(row.globalStep(), row.value());
        }
        for (MetricRow row : history.eval()) {
            evalCurve(row.metric()).add(row.globalStep(), row.value());
        }
    }

    /** One optimiser step's metrics, as the training loop reports them. */
    synchronized void addStep(int iteration, long step, Map<String, Double> metrics) {
        requireWorkerThread();
        steps.learn(iteration, step);
        long x = steps.global(iteration, step);
        metrics.forEach((name, value) -> {
            if (value != null) {
                training.computeIfAbsent(name, n -> new Curve(n, true)).add(x, value);
            }
        });
    }

    /** The held-out metrics of the model iteration {@code iteration} produced, after its last step. */
    synchronized void addEvaluation(int iteration, long step, Map<String, Double> metrics) {
        requireWorkerThread();
        steps.learn(iteration, step);
        long x = steps.global(iteration, step);
        metrics.forEach((name, value) -> {
            if (value != null) {
                evalCurve(name).add(x, value);
            }
        });
    }

    /** Smooths every training curve again with {@code weight} (0 to {@link Ema#MAX_WEIGHT}). */
    synchronized void smoothWith(double weight) {
        requireWorkerThread();
        smoothing = new Ema(weight).weight();
        training.values().forEach(Curve::resmooth);
    }

    /**
     * Smooths with {@code weight} on {@code writer}. A dragged slider asks many times: the
     * writer smooths once, with the latest weight. Called from any thread.
     */
    void smoothLater(double weight, Executor writer) {
        if (pendingSmoothing.getAndSet(weight) == null) {
            writer.execute(() -> smoothWith(pendingSmoothing.getAndSet(null)));
        }
    }

    synchronized double smoothing() {
        return smoothing;
    }

    /** How many points the metric's raw curve has (training or held-out). */
    synchronized int count(String metric) {
        Curve curve = training.containsKey(metric) ? training.get(metric) : eval.get(metric);
        return curve == null ? 0 : curve.raw.getDataCount();
    }

    private Curve evalCurve(String metric) {
        Curve curve = eval.get(metric);
        if (curve == null) {
            curve = new Curve(metric, false);
            eval.put(metric, curve);
            onNewEvalMetric.accept(metric);
        }
        return curve;
    }

    private static void requireWorkerThread() {
        assert !Platform.isFxApplicationThread() : "ChartFX data sets must not be written on the FX thread";
    }

    /** One metric's curve: its raw points and, for training metrics, the smoothed line over them. */
    private final class Curve {
        final DoubleDataSet raw;
        final DoubleDataSet smoothed;
        final List<Double> values = new ArrayList<>();
        Ema ema;
        double lastX = Double.NEGATIVE_INFINITY;

        Curve(String metric, boolean smoothable) {
            raw = new DoubleDataSet(smoothable ? metric + " (raw)" : metric);
            smoothed = smoothable ? new DoubleDataSet(metric) : null;
            ema = new Ema(smoothing);
        }

        void add(double x, double y) {
            if (x <= lastX || !Double.isFinite(y)) {
                return; // already drawn (history and live overlap), or a diverged value a chart cannot place
            }
            lastX = x;
            raw.add(x, y);
            if (smoothed != null) {
                values.add(y);
                smoothed.add(x, ema.next(y));
            }
        }

        void resmooth() {
            ema = new Ema(smoothing);
            double[] xs = raw.getValues(DataSet.DIM_X);
            int count = raw.getDataCount();
            double[] x = new double[count];
            double[] y = new double[count];
            for (int i = 0; i < count; i++) {
                x[i] = xs[i];
                y[i] = ema.next(values.get(i));
            }
            smoothed.set(x, y);
        }
    }
}
