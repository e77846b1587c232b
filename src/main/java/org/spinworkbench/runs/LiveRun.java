package org.spinworkbench.runs;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.spinworkbench.train.Cancellation;
import org.spinworkbench.train.Phase;
import org.spinworkbench.train.ScoredPair;
import org.spinworkbench.train.TrainingListener;

/**
 * One run training on its own thread, heard by any number of listeners that come and go (a
 * dashboard opened, closed and opened again). A listener added late gets a {@link Snapshot}
 * of where the run stands and every event after it, with nothing lost in between; what came
 * before is in the workspace. Listeners are called on the training thread, in order, under
 * the run's lock (that is what makes joining atomic): a listener hands anything slow to a
 * thread of its own and never waits for another thread, the FX thread least of all.
 */
public final class LiveRun implements TrainingListener {
    static final int LOG_LINES = 500;

    private final CompletableFuture<Long> runId = new CompletableFuture<>();
    private final CompletableFuture<RunOutcome> outcome = new CompletableFuture<>();
    private final Cancellation cancellation;
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
    private final ArrayDeque<String> log = new ArrayDeque<>();
    private final String project;
    private Phase phase;
    private int iteration;
    private int done;
    private int total;

    /** Where a run stood when a listener joined it. {@code phase} is null before the first phase. */
    public record Snapshot(int iteration, Phase phase, int done, int total, List<String> log) {
    }

    private LiveRun(String project, Cancellation cancellation) {
        this.project = project;
        this.cancellation = cancellation;
    }

    /** Records and trains a new run; the run's id is known once {@code prepare} returns. */
    static LiveRun start(Preparation prepare, String project, Cancellation cancellation) {
        LiveRun live = new LiveRun(project, cancellation);
        live.launch(() -> {
            RunService.PreparedRun prepared = prepare.prepare(live);
            live.runId.complete(prepared.run().id());
            return prepared.run(live, live.cancellation);
        });
        return live;
    }

    /** Continues a recorded run. */
    static LiveRun resume(long runId, Function<LiveRun, RunService> services, String project) {
        LiveRun live = new LiveRun(project, new Cancellation());
        live.runId.complete(runId);
        live.launch(() -> services.apply(live).resume(runId, live, live.cancellation));
        return live;
    }

    /** Makes a run with {@code listener} as the observer of its preparation. */
    @FunctionalInterface
    interface Preparation {
        RunService.PreparedRun prepare(LiveRun listener) throws Exception;
    }

    @FunctionalInterface
    private interface Training {
        RunOutcome train() throws Exception;
    }

    private void launch(Training training) {
        Thread thread = new Thread(() -> {
            try {
                outcome.complete(training.train());
            } catch (Throwable e) {
                outcome.completeExceptionally(e);
                runId.completeExceptionally(e); // no effect once the id is known
            }
        }, "run-" + project);
        thread.setDaemon(true);
        thread.start();
    }

    /** The run's id in the workspace; fails if the run could not be recorded. */
    public CompletableFuture<Long> runId() {
        return runId;
    }

    /** How the run ended; fails with what stopped it when it ended by an error. */
    public CompletableFuture<RunOutcome> outcome() {
        return outcome;
    }

    public String project() {
        return project;
    }

    public boolean finished() {
        return outcome.isDone();
    }

    /** Stops the run at its next step boundary; it stays resumable. */
    public void cancel() {
        cancellation.request();
    }

    public boolean cancelRequested() {
        return cancellation.requested();
    }

    /** Adds {@code listener} and tells it, atomically, where the run stands now. */
    public synchronized Snapshot addListener(TrainingListener listener) {
        listeners.add(listener);
        return new Snapshot(iteration, phase, done, total, List.copyOf(log));
    }

    public void removeListener(TrainingListener listener) {
        listeners.remove(listener);
    }

    @Override
    public synchronized void phaseStarted(int iteration, Phase phase) {
        this.iteration = iteration;
        this.phase = phase;
        this.done = 0;
        this.total = 0;
        listeners.forEach(l -> l.phaseStarted(iteration, phase));
    }

    @Override
    public synchronized void progress(int iteration, Phase phase, int done, int total) {
        this.iteration = iteration;
        this.phase = phase;
        this.done = done;
        this.total = total;
        listeners.forEach(l -> l.progress(iteration, phase, done, total));
    }

    @Override
    public synchronized void stepMetrics(int iteration, long step, Map<String, Double> metrics) {
        listeners.forEach(l -> l.stepMetrics(iteration, step, metrics));
    }

    @Override
    public synchronized void pairsScored(int iteration, List<ScoredPair> pairs) {
        listeners.forEach(l -> l.pairsScored(iteration, pairs));
    }

    @Override
    public synchronized void pairsRewarded(int iteration, List<ScoredPair> pairs) {
        listeners.forEach(l -> l.pairsRewarded(iteration, pairs));
    }

    @Override
    public synchronized void evaluated(int iteration, long step, Map<String, Double> metrics) {
        listeners.forEach(l -> l.evaluated(iteration, step, metrics));
    }

    @Override
    public synchronized void checkpointSaved(int iteration, long step, Path folder) {
        listeners.forEach(l -> l.checkpointSaved(iteration, step, folder));
    }

    @Override
    public synchronized void iterationFinished(int iteration) {
        listeners.forEach(l -> l.iterationFinished(iteration));
    }

    @Override
    public synchronized void log(String message) {
        if (log.size() == LOG_LINES) {
            log.removeFirst();
        }
        log.addLast(message);
        listeners.forEach(l -> l.log(message));
    }

    /** The run's log lines kept in memory, oldest first. */
    public synchronized List<String> recentLog() {
        return new ArrayList<>(log);
    }
}
