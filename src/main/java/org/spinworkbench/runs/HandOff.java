package org.spinworkbench.runs;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.spinworkbench.data.DatasetSplit;
import org.spinworkbench.store.MetricPoint;
import org.spinworkbench.store.Run;
import org.spinworkbench.store.RunKind;
import org.spinworkbench.store.RunStatus;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.Cancellation;
import org.spinworkbench.train.RunContext;
import org.spinworkbench.train.RunFolder;
import org.spinworkbench.train.TrainingListener;
import org.spinworkbench.train.TrainingRun;

/**
 * The two ends of an iteration trained somewhere else: its pairs made here, as the run would
 * make them, and the model that comes back adopted as the iteration's, evaluated here and
 * recorded in the order a local iteration is (decision 0011). Between the two the run is
 * stopped, and it continues locally or hands off its next iteration the same way.
 */
public final class HandOff {
    private final Workspace workspace;
    private final Device device;

    public HandOff(Workspace workspace, Device device) {
        this.workspace = workspace;
        this.device = device;
    }

    /** The iteration a hand-off of the run would train: the first not completed, or 0 once all are. */
    public int nextIteration(long runId) {
        Run run = find(runId);
        int done = RunFolders.of(workspace, run).lastCompletedIteration();
        return done < planned(run) ? done + 1 : 0;
    }

    /** The SPIN run whose next iteration is {@code iteration}, refused with a sentence otherwise. */
    public Run nextIterationOf(long runId, int iteration) {
        Run run = find(runId);
        if (run.kind() != RunKind.SPIN) {
            throw new IllegalArgumentException("Run " + runId + " is continued SFT; only a self-play iteration can be"
                    + " handed to the SPIN reference.");
        }
        if (run.status() == RunStatus.RUNNING) {
            throw new IllegalArgumentException("Run " + runId + " is training; stop it first.");
        }
        if (RunSpec.fromJson(run.configJson()).training().loraSettings().isPresent()) {
            throw new IllegalArgumentException("Run " + runId + " trains LoRA adapters, and the reference's run_spin.py"
                    + " trains every weight; only a run that trains every weight can be handed to it.");
        }
        int planned = planned(run);
        int done = RunFolders.of(workspace, run).lastCompletedIteration();
        if (iteration != done + 1 || iteration > planned) {
            throw new IllegalArgumentException("Run " + runId + " has " + done + " of " + planned
                    + " iterations complete; the iteration to hand off is "
                    + (done < planned ? String.valueOf(done + 1) : "none") + ", not " + iteration + ".");
        }
        return run;
    }

    /** Makes the iteration's pairs, unless the run already has, and records them; the run is then stopped. */
    public void preparePairs(long runId, int iteration, TrainingListener observer) throws IOException {
        Run run = nextIterationOf(runId, iteration);
        Session session = open(run, observer);
        boolean made = false;
        try {
            session.training().preparePairs(iteration);
            made = true;
        } finally {
            stop(run, session, made ? "Iteration " + iteration + "'s pairs are made, to be trained by a cluster job."
                    : "Making iteration " + iteration + "'s pairs for a cluster job failed.");
        }
    }

    /**
     * Adopts a model trained elsewhere on the iteration's pairs: its training curve replaces
     * what the workspace held for the iteration, then the model is evaluated, published from
     * {@code staged} (see {@link RunFolder#stageModel}) and recorded.
     *
     * @param steps  the optimiser steps it was trained for
     * @param source where it came from, for the run's log
     */
    public RunOutcome adopt(long runId, int iteration, Path staged, long steps, List<MetricPoint> curve, Path source,
                            TrainingListener observer) throws IOException {
        Run run = nextIterationOf(runId, iteration);
        Session session = open(run, observer);
        boolean adopted = false;
        try {
            session.log().line("Iteration " + iteration + ": importing the model trained by the cluster job in "
                    + source);
            workspace.metrics().replaceIteration(runId, iteration, curve);
            session.training().adopt(iteration, staged, steps);
            adopted = true;
        } finally {
            if (adopted && iteration == planned(run)) {
                workspace.runs().finish(runId, RunStatus.COMPLETED, null);
                session.log().line("Run " + runId + " completed.");
            } else {
                stop(run, session, adopted ? "Iteration " + iteration + " imported from " + source
                        + "; resume the run to continue." : "Iteration " + iteration + " was not imported.");
            }
        }
        return new RunService(workspace, device).outcome(runId, workspace.runs().findById(runId).orElseThrow().status(),
                null);
    }

    private Run find(long runId) {
        return workspace.runs().findById(runId)
                .orElseThrow(() -> new IllegalArgumentException("No run " + runId + " in " + workspace.folder() + "."));
    }

    private static int planned(Run run) {
        return RunSpec.fromJson(run.configJson()).training().iterations();
    }

    private record Session(TrainingRun training, RunLogFile log) {
    }

    private Session open(Run run, TrainingListener observer) throws IOException {
        RunSpec spec = RunSpec.fromJson(run.configJson());
        DatasetSplit split = RunService.unchangedSplit(workspace, run, spec);
        RunFolder folder = RunFolders.of(workspace, run);
        RunLogFile log = new RunLogFile(folder.root());
        TrainingListener both = new BothListeners(new RunRecorder(workspace, run.id(), spec.training().beta()),
                new BothListeners(log, observer));
        workspace.runs().markRunning(run.id());
        RunRecovery.recordPublished(workspace, run.id(), folder, both);
        TrainingRun training = new TrainingRun(Path.of(spec.baseModel()), split, spec.training(), folder,
                new RunContext(device, both, new Cancellation()), RunService.accuracyOf(spec));
        return new Session(training, log);
    }

    private void stop(Run run, Session session, String message) {
        workspace.runs().finish(run.id(), RunStatus.CANCELLED, message);
        session.log().line("Run " + run.id() + " " + message);
    }
}
