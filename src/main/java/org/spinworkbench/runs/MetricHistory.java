package org.spinworkbench.runs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.spinworkbench.store.Evaluation;
import org.spinworkbench.store.MetricPoint;
import org.spinworkbench.store.Workspace;

/**
 * Every recorded point of a run's curves, placed on its global step: the training metrics of
 * each step, in run order (iteration, then step), and the held-out evaluation of each
 * iteration's model where that iteration ends. What the dashboard draws, its CSV export holds
 * and {@code runs metrics} prints.
 */
public record MetricHistory(List<MetricRow> training, List<MetricRow> eval) {
    public static final String EVAL_PREFIX = "eval_";

    public MetricHistory {
        training = List.copyOf(training);
        eval = List.copyOf(eval);
    }

    /** Reads run {@code runId}'s points; {@code steps} learns the lengths of its iterations on the way. */
    public static MetricHistory load(Workspace workspace, long runId, GlobalSteps steps) {
        List<MetricPoint> points = new ArrayList<>();
        for (String name : workspace.metrics().names(runId)) {
            // evaluations come from their own table, once per iteration
            if (!name.startsWith(EVAL_PREFIX)) {
                points.addAll(workspace.metrics().series(runId, name));
            }
        }
        points.forEach(point -> steps.learn(point.iteration(), point.step()));
        points.sort(Comparator.comparingInt(MetricPoint::iteration).thenComparingLong(MetricPoint::step));
        List<MetricRow> training = points.stream().map(point -> new MetricRow(point.name(), point.iteration(),
                point.step(), steps.global(point.iteration(), point.step()), point.value())).toList();

        List<MetricRow> eval = new ArrayList<>();
        for (Evaluation evaluation : workspace.evaluations().listByRun(runId)) {
            if (evaluation.datasetId() != null) {
                continue; // another dataset's scores are not this run's held-out curve
            }
            long end = steps.end(evaluation.iteration());
            long step = end - steps.start(evaluation.iteration());
            for (Map.Entry<String, Double> metric : evaluation.metrics().entrySet()) {
                eval.add(new MetricRow(metric.getKey(), evaluation.iteration(), step, end, metric.getValue()));
            }
        }
        return new MetricHistory(training, eval);
    }

    /** Every point, training then held-out, as the CSV holds them. */
    public List<MetricRow> all() {
        List<MetricRow> all = new ArrayList<>(training);
        all.addAll(eval);
        return all;
    }
}
