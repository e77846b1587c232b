package org.spinworkbench.ui.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import org.spinworkbench.train.Phase;
import org.spinworkbench.train.TrainingListener;

/**
 * A live run's events for its dashboard, heard on the training thread. Curve points go to the
 * chart writer through the {@link CurveFeed}; phase, progress, iteration ends and log lines go
 * to the FX thread through {@code fx}. Both only queue: the training thread never waits for
 * the window.
 */
final class LiveEvents implements TrainingListener {
    /** The dashboard's side of the events, called on the FX thread. */
    interface Display {
        void progress(int iteration, Phase phase, int done, int total);

        void iterationFinished(int iteration);

        void log(String line);
    }

    private final Display display;
    private final Executor fx;
    private final CurveFeed feed;

    LiveEvents(Display display, Executor fx, CurveFeed feed) {
        this.display = display;
        this.fx = fx;
        this.feed = feed;
    }

    CurveFeed feed() {
        return feed;
    }

    @Override
    public void phaseStarted(int iteration, Phase phase) {
        fx.execute(() -> display.progress(iteration, phase, 0, 0));
    }

    @Override
    public void progress(int iteration, Phase phase, int done, int total) {
        if (phase == Phase.TRAINING) {
            // known before the first step: the next iteration's curves start where this one ends
            feed.curves().steps().learn(iteration, total);
        }
        fx.execute(() -> display.progress(iteration, phase, done, total));
    }

    @Override
    public void stepMetrics(int iteration, long step, Map<String, Double> metrics) {
        Map<String, Double> copy = new LinkedHashMap<>(metrics); // the engine may reuse its map
        feed.live(() -> feed.curves().addStep(iteration, step, copy));
    }

    @Override
    public void evaluated(int iteration, long step, Map<String, Double> metrics) {
        Map<String, Double> copy = new LinkedHashMap<>(metrics);
        feed.live(() -> feed.curves().addEvaluation(iteration, step, copy));
    }

    @Override
    public void iterationFinished(int iteration) {
        fx.execute(() -> display.iterationFinished(iteration));
    }

    @Override
    public void log(String message) {
        fx.execute(() -> display.log(message));
    }
}
