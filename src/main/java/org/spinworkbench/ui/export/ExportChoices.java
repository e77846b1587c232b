package org.spinworkbench.ui.export;

import java.util.ArrayList;
import java.util.List;
import org.spinworkbench.lm.hf.DType;
import org.spinworkbench.runs.ExportPrecision;
import org.spinworkbench.store.Iteration;
import org.spinworkbench.store.IterationStatus;
import org.spinworkbench.store.Project;
import org.spinworkbench.store.Run;
import org.spinworkbench.store.RunKind;
import org.spinworkbench.store.Split;
import org.spinworkbench.store.Workspace;

/** The run being exported and its iterations that have something to export, read from the store. */
record ExportChoices(Run run, String projectName, List<ExportableIteration> iterations, DType precision) {

    /**
     * @throws IllegalArgumentException when the workspace has no such run
     */
    static ExportChoices load(Workspace workspace, long runId) {
        Run run = workspace.runs().findById(runId)
                .orElseThrow(() -> new IllegalArgumentException("No run " + runId + " in " + workspace.folder() + "."));
        String project = workspace.projects().find(run.projectId()).map(Project::name).orElse("");
        List<ExportableIteration> iterations = new ArrayList<>();
        for (Iteration iteration : workspace.iterations().listByRun(runId)) {
            // an SFT run records its real responses only: there is no pair to export
            boolean pairs = run.kind() == RunKind.SPIN;
            int training = pairs ? workspace.samples().count(iteration.id(), Split.TRAIN) : 0;
            int heldOut = pairs ? workspace.samples().count(iteration.id(), Split.EVAL) : 0;
            ExportableIteration exportable = new ExportableIteration(iteration.iteration(),
                    iteration.status() == IterationStatus.COMPLETED, training, heldOut);
            if (exportable.hasModel() || exportable.hasPairs()) {
                iterations.add(exportable);
            }
        }
        return new ExportChoices(run, project, List.copyOf(iterations), ExportPrecision.of(run));
    }
}
