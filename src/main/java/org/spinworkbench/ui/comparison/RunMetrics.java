package org.spinworkbench.ui.comparison;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.spinworkbench.runs.RunSpec;
import org.spinworkbench.store.MetricPoint;
import org.spinworkbench.store.Run;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.TrainingConfig;

/**
 * One run's recorded metric curves, read once from the store and not changed afterwards, so
 * the comparison can redraw from them on any thread. {@code training} is null when the run's
 * configuration cannot be read.
 */
record RunMetrics(Run run, TrainingConfig training, Map<String, List<MetricPoint>> series) {
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
        return new RunMetrics(run, trainingOf(run), series);
    }

    long runId() {
        return run.id();
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

    private static TrainingConfig trainingOf(Run run) {
        try {
            return RunSpec.fromJson(run.configJson()).training();
        } catch (RuntimeException e) {
            return null; // a run recorded by an older version still compares by its curves
        }
    }
}
