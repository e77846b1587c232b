package org.spinworkbench.ui.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import org.spinworkbench.train.Phase;
import org.spinworkbench.train.TrainingListener;

/**
 * Hands the events the dashboard shows from the training thread to the FX thread, in the
 * order they happened. The training thread only posts: it never waits for the window.
 */
final class FxThreadListener implements TrainingListener {
    private final TrainingListener target;
    private final Executor fx;

    /** {@code target} is called only through {@code fx} ({@code Platform::runLater} in the application). */
    FxThreadListener(TrainingListener target, Executor fx) {
        this.target = target;
        this.fx = fx;
    }

    @Override
    public void phaseStarted(int iteration, Phase phase) {
        fx.execute(() -> target.phaseStarted(iteration, phase));
    }

    @Override
    public void progress(int iteration, Phase phase, int done, int total) {
        fx.execute(() -> target.progress(iteration, phase, done, total));
    }

    @Override
    public void evaluated(int iteration, long step, Map<String, Double> metrics) {
        Map<String, Double> copy = new LinkedHashMap<>(metrics); // the engine may reuse its map
        fx.execute(() -> target.evaluated(iteration, step, copy));
    }

    @Override
    public void iterationFinished(int iteration) {
        fx.execute(() -> target.iterationFinished(iteration));
    }

    @Override
    public void log(String message) {
        fx.execute(() -> target.log(message));
    }
}
