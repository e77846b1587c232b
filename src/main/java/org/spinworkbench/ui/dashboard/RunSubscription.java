package org.spinworkbench.ui.dashboard;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import org.spinworkbench.runs.GlobalSteps;
import org.spinworkbench.runs.LiveRun;
import org.spinworkbench.runs.RunOutcome;
import org.spinworkbench.store.Workspace;

/**
 * A dashboard's hold on its run while the run trains in this window: joined (subscribe first,
 * read the history second, so no step falls between the two), attached, detached when the
 * window closes, and the run's end handed back once.
 *
 * <p>Threading: {@link #subscribeAndRead} runs on a worker; everything else on {@code fx}.
 */
final class RunSubscription {
    /** What a join brings back: the recorded history, and the live run with where it stood, if it trains. */
    record Joined(RunHistory history, LiveRun live, LiveRun.Snapshot snapshot) {
    }

    private final Workspace workspace;
    private final long runId;
    private final GlobalSteps steps;
    private final Executor fx;
    private final BiConsumer<RunOutcome, Throwable> onEnded;
    private final Runnable onEndedAfterClose;
    private LiveRun live;
    private LiveEvents events;
    private boolean closed;

    /**
     * @param onEnded           on {@code fx}: the attached run ended while the window is open
     * @param onEndedAfterClose on {@code fx}: a run this window had attached ended after it closed
     */
    RunSubscription(Workspace workspace, long runId, GlobalSteps steps, Executor fx,
                    BiConsumer<RunOutcome, Throwable> onEnded, Runnable onEndedAfterClose) {
        this.workspace = workspace;
        this.runId = runId;
        this.steps = steps;
        this.fx = fx;
        this.onEnded = onEnded;
        this.onEndedAfterClose = onEndedAfterClose;
    }

    /** On the worker: subscribe {@code listener} to {@code running} (null: it does not train here), then read. */
    Joined subscribeAndRead(LiveRun running, LiveEvents listener) {
        LiveRun.Snapshot snapshot = running == null ? null : running.addListener(listener);
        try {
            return new Joined(RunHistory.load(workspace, runId, steps), running, snapshot);
        } catch (RuntimeException e) {
            if (running != null) {
                running.removeListener(listener);
            }
            throw e;
        }
    }

    /** Holds {@code running}, whose events go to {@code listener}, until it ends or the window closes. */
    void attach(LiveRun running, LiveEvents listener) {
        live = running;
        events = listener;
        running.outcome().whenComplete((outcome, failure) -> fx.execute(() -> ended(running, outcome, failure)));
    }

    boolean holds(LiveRun running) {
        return live == running;
    }

    Optional<LiveRun> live() {
        return Optional.ofNullable(live);
    }

    /** The window closed: stop listening. The run goes on. */
    void close() {
        closed = true;
        detach();
    }

    private void ended(LiveRun running, RunOutcome outcome, Throwable failure) {
        if (closed) {
            onEndedAfterClose.run();
            return;
        }
        if (running != live) {
            return; // already seen ending
        }
        detach();
        onEnded.accept(outcome, failure);
    }

    private void detach() {
        if (live != null && events != null) {
            live.removeListener(events);
        }
        live = null;
        events = null;
    }
}
