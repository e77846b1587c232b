package org.spinworkbench.runs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.spinworkbench.train.Phase;
import org.spinworkbench.train.ScoredPair;
import org.spinworkbench.train.TrainingListener;

/** Tells the workspace first, then the observer (a terminal, a window), every event. */
record BothListeners(TrainingListener first, TrainingListener second) implements TrainingListener {
    @Override
    public void phaseStarted(int iteration, Phase phase) {
        first.phaseStarted(iteration, phase);
        second.phaseStarted(iteration, phase);
    }

    @Override
    public void progress(int iteration, Phase phase, int done, int total) {
        first.progress(iteration, phase, done, total);
        second.progress(iteration, phase, done, total);
    }

    @Override
    public void stepMetrics(int iteration, long step, Map<String, Double> metrics) {
        first.stepMetrics(iteration, step, metrics);
        second.stepMetrics(iteration, step, metrics);
    }

    @Override
    public void pairsScored(int iteration, List<ScoredPair> pairs) {
        first.pairsScored(iteration, pairs);
        second.pairsScored(iteration, pairs);
    }

    @Override
    public void pairsRewarded(int iteration, List<ScoredPair> pairs) {
        first.pairsRewarded(iteration, pairs);
        second.pairsRewarded(iteration, pairs);
    }

    @Override
    public void evaluated(int iteration, long step, Map<String, Double> metrics) {
        first.evaluated(iteration, step, metrics);
        second.evaluated(iteration, step, metrics);
    }

    @Override
    public void checkpointSaved(int iteration, long step, Path folder) {
        first.checkpointSaved(iteration, step, folder);
        second.checkpointSaved(iteration, step, folder);
    }

    @Override
    public void iterationFinished(int iteration) {
        first.iterationFinished(iteration);
        second.iterationFinished(iteration);
    }

    @Override
    public void log(String message) {
        first.log(message);
        second.log(message);
    }
}
