package org.spinworkbench.ui.dashboard;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.spinworkbench.runs.GlobalSteps;
import org.spinworkbench.runs.RunFolders;
import org.spinworkbench.runs.RunLogFile;
import org.spinworkbench.runs.RunSpec;
import org.spinworkbench.store.Evaluation;
import org.spinworkbench.store.Iteration;
import org.spinworkbench.store.IterationStatus;
import org.spinworkbench.store.MetricPoint;
import org.spinworkbench.store.Run;
import org.spinworkbench.store.StoreException;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.TrainingConfig;

/**
 * What the workspace holds of a run when its dashboard opens: the run, its project, its
 * curves placed on the global step, its held-out evaluations per iteration and where its
 * completed iterations end. Read on a worker thread: it is a handful of queries.
 *
 * @param planned   iterations the run's configuration asks for (0 when it cannot be read)
 * @param training  the training curves in run order (iteration, then step)
 * @param eval      the held-out metrics ({@code eval_}...), one point per evaluated iteration
 * @param completed the iterations that finished, in order
 * @param log       the run's saved log, oldest line first (empty for a run that has none)
 */
record RunHistory(Run run, String project, int planned, List<MetricRow> training, List<MetricRow> eval,
                  List<Integer> completed, GlobalSteps steps, List<String> log) {
    static final String EVAL_PREFIX = "eval_";

    /** Reads the run; {@code steps} learns the lengths of its iterations on the way. */
    static RunHistory load(Workspace workspace, long runId, GlobalSteps steps) {
        Run run = workspace.runs().findById(runId)
                .orElseThrow(() -> new StoreException("No run with id " + runId + "."));
        String project = workspace.projects().find(run.projectId())
                .orElseThrow(() -> new StoreException("The project of run " + runId + " is gone.")).name();
        List<MetricPoint> points = new ArrayList<>();
        for (String name : workspace.metrics().names(runId)) {
            // evaluations are drawn from their own table, once per iteration
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
        List<Integer> completed = workspace.iterations().listByRun(runId).stream()
                .filter(iteration -> iteration.status() == IterationStatus.COMPLETED)
                .map(Iteration::iteration).toList();
        return new RunHistory(run, project, planned(run), training, List.copyOf(eval), completed, steps,
                savedLog(workspace, run));
    }

    private static List<String> savedLog(Workspace workspace, Run run) {
        try {
            return RunLogFile.read(RunFolders.of(workspace, run).root());
        } catch (IOException e) {
            return List.of("(the saved log cannot be read: " + e.getMessage() + ")");
        }
    }

    /** Every point, training then held-out, for the CSV export. */
    List<MetricRow> all() {
        List<MetricRow> all = new ArrayList<>(training);
        all.addAll(eval);
        return all;
    }

    private static int planned(Run run) {
        try {
            TrainingConfig training = RunSpec.fromJson(run.configJson()).training();
            return training.kind() == TrainingConfig.Kind.SFT ? 1 : training.iterations();
        } catch (RuntimeException e) {
            return 0; // a configuration this version cannot read: the dashboard shows no plan
        }
    }
}
