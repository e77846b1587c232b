package org.spinworkbench.ui.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Puts points into a dashboard's {@link RunCurves} on its chart writer thread, in the order
 * they are handed over, and holds live points back until the history is drawn: a live step
 * drawn first would make the curve drop every earlier step of the history as already seen.
 * Whoever hands points over (the training thread, the FX thread) only queues them and never
 * waits for a chart.
 */
final class CurveFeed {
    private final RunCurves curves;
    private final Executor writer;
    private final List<Runnable> heldBack = new ArrayList<>();
    private boolean historyDrawn;

    /** {@code writer} runs the writes one after another, never on the FX thread. */
    CurveFeed(RunCurves curves, Executor writer) {
        this.curves = curves;
        this.writer = writer;
    }

    /** Draws the history, then any live points that came meanwhile. */
    void history(RunHistory history) {
        writer.execute(() -> {
            curves.addHistory(history);
            synchronized (this) {
                heldBack.forEach(Runnable::run);
                heldBack.clear();
                historyDrawn = true;
            }
        });
    }

    /** A live write: queued now, or after the history if that is not drawn yet. */
    synchronized void live(Runnable write) {
        // under the lock, so a write cannot overtake the held-back ones being drawn
        if (historyDrawn) {
            writer.execute(write);
        } else {
            heldBack.add(write);
        }
    }

    /** A write that does not depend on the history (smoothing all curves again). */
    void anytime(Runnable write) {
        writer.execute(write);
    }

    RunCurves curves() {
        return curves;
    }
}
