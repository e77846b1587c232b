package org.spinworkbench.ui.dashboard;

import java.io.IOException;
import java.util.List;
import org.spinworkbench.io.Problems;
import org.spinworkbench.runs.GlobalSteps;
import org.spinworkbench.runs.MetricHistory;
import org.spinworkbench.runs.MetricRow;
import org.spinworkbench.runs.RunFolders;
import org.spinworkbench.runs.RunLogFile;
import org.spinworkbench.runs.RunSpec;
import org.spinworkbench.store.Iteration;
import org.spinworkbench.store.IterationStatus;
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
    static final String EVAL_PREFIX = MetricHistory.EVAL_PREFIX;

    /** Reads the run; {@code steps} learns the lengths of its iterations on the way. */
    static RunHistory load(Workspace workspace, long runId, GlobalSteps steps) {
        Run run = workspace.runs().findById(runId)
                .orElseThrow(() -> new StoreException("No run with id " + runId + "."));
        String project = workspace.projects().find(run.projectId())
                .orElseThrow(() -> new StoreException("The project of run " + runId + " is gone.")).name();
        MetricHistory curves = MetricHistory.load(workspace, runId, steps);
        List<Integer> completed = workspace.iterations().listByRun(runId).stream()
                .filter(iteration -> iteration.status() == IterationStatus.COMPLETED)
                .map(Iteration::iteration).toList();
        return new RunHistory(run, project, planned(run), curves.training(), curves.eval(), completed, steps,
                savedLog(workspace, run));
    }

    private static List<String> savedLog(Workspace workspace, Run run) {
        try {
            return RunLogFile.read(RunFolders.of(workspace, run).root());
        } catch (IOException e) {
            return List.of("(the saved log cannot be read: " + Problems.describe(e) + ")");
        }
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
