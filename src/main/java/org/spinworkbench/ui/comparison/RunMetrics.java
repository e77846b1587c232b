package org.spinworkbench.ui.comparison;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.spinworkbench.runs.GlobalSteps;
import org.spinworkbench.runs.RunSpec;
import org.spinworkbench.store.MetricPoint;
import org.spinworkbench.store.Run;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.TrainingConfig;

/**
 * One run's recorded metric curves, read once from the store and not changed afterwards, so
 * the comparison can redraw from them on any thread. {@code spec} is null when the run's
 * configuration cannot be read.
 */
record RunMetrics(Run run, RunSpec spec, Map<String, List<MetricPoint>> series) {
    private static final String EVAL_PREFIX = "eval_";

    RunMetrics {
        Map<String, List<MetricPoint>> copy = new LinkedHashMap<>();
        series.forEach((name, points) -> copy.put(name, List.copyOf(points)));
        series = Map.copyOf(copy);
    }

    static RunMetrics load(Workspace workspace, Run run) {
        Map<String, List<MetricPoint>> series = new LinkedHashMap<>();
        for (String name : workspace.metrics().names(run.id())) {
            series.put(name, workspace.metrics().series(run.id(), name));
        }
        return new RunMetrics(run, specOf(run), series);
    }

    /** The run's training settings; null when its configuration cannot be read. */
    TrainingConfig training() {
        return spec == null ? null : spec.training();
    }

    long runId() {
        return run.id();
    }

    /**
     * Where each iteration's steps sit on the run's global step axis (iteration t's step 1
     * comes after iteration t-1's last), learned from the training curves.
     */
    GlobalSteps steps() {
        GlobalSteps steps = new GlobalSteps();
        series.forEach((name, points) -> {
            if (!name.startsWith(EVAL_PREFIX)) {
                points.forEach(point -> steps.learn(point.iteration(), point.step()));
            }
        });
        return steps;
    }

    /** The metric's points by step; empty when the run never recorded it. */
    List<MetricPoint> points(String name) {
        return series.getOrDefault(name, List.of());
    }

    /**
     * The metric's last value in each iteration: for a training metric the value of the
     * iteration's last step, for an {@code eval_} metric the evaluation of the iteration's model.
     */
    SortedMap<Integer, Double> lastPerIteration(String name) {
        SortedMap<Integer, Double> last = new TreeMap<>();
        for (MetricPoint point : points(name)) {
            last.put(point.iteration(), point.value()); // points come by step: the latest wins
        }
        return last;
    }

    /** The iterations for which any of {@code names} has a value. */
    SortedSet<Integer> iterations(List<String> names) {
        SortedSet<Integer> iterations = new TreeSet<>();
        for (String name : names) {
            iterations.addAll(lastPerIteration(name).keySet());
        }
        return iterations;
    }

    List<String> names() {
        return new ArrayList<>(series.keySet());
    }

    private static RunSpec specOf(Run run) {
        try {
            return RunSpec.fromJson(run.configJson());
        } catch (RuntimeException e) {
            return null; // a run recorded by an older version still compares by its curves
        }
    }
}
