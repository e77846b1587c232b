package org.spinworkbench.ui.dashboard;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.spinworkbench.runs.GlobalSteps;
import org.spinworkbench.runs.MetricCsv;
import org.spinworkbench.runs.MetricHistory;
import org.spinworkbench.runs.LiveRun;
import org.spinworkbench.runs.LiveRuns;
import org.spinworkbench.runs.RunOutcome;
import org.spinworkbench.store.Run;
import org.spinworkbench.store.RunStatus;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.Phase;
import org.spinworkbench.ui.common.ErrorMessages;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.TaskExecutor;

/**
 * One run's dashboard: its curves, where it stands, its log, and Cancel / Resume.
 *
 * <p>Threading contract. Commands are called, and every property and list changes, on the
 * thread {@code fx} runs its work on (the FX thread in the application). The ChartFX data
 * sets ({@link #curves()}) are never written there: the history is read from the workspace
 * through {@code executor}, then drawn, like every live point, by {@code chartWriter}, a
 * thread of its own (writing a data set on the FX thread deadlocks the chart's layout). The
 * live run's events arrive on its training thread, which only queues them for {@code fx} and
 * {@code chartWriter} and never waits for the window.
 *
 * <p>Joining a run that trains: the dashboard subscribes first and reads the history second,
 * so no step falls between the two; a step both read and heard is drawn once.
 */
public final class DashboardViewModel implements LiveEvents.Display {
    /** Where the run stands as this dashboard sees it. */
    public enum State {
        LOADING, TRAINING, STOPPING, STOPPED, COMPLETED, UNAVAILABLE
    }

    /** TensorBoard's default: enough to read a noisy loss, little enough to see its turns. */
    public static final double DEFAULT_SMOOTHING = 0.6;

    private final Workspace workspace;
    private final LiveRuns liveRuns;
    private final TaskExecutor executor;
    private final Executor fx;
    private final Executor chartWriter;
    private final Messages messages;
    private final long runId;
    private final Runnable onRunChanged;
    private final GlobalSteps steps = new GlobalSteps();
    private final RunCurves curves;
    private final RunProgress progress;
    private final ProgressTexts texts;
    private final AtomicReference<Double> pendingSmoothing = new AtomicReference<>();

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final RunLog log = new RunLog();
    private final ObservableList<Long> boundaries = FXCollections.observableArrayList();
    private final ObservableList<String> evalMetrics = FXCollections.observableArrayList();
    // one read-only view each: a view made per call would be collected with the listeners put on it
    private final ObservableList<Long> readOnlyBoundaries = FXCollections.unmodifiableObservableList(boundaries);
    private final ObservableList<String> readOnlyEvalMetrics = FXCollections.unmodifiableObservableList(evalMetrics);

    private String project;
    /** True once the joined run's own events have told where it is: newer than its snapshot. */
    private boolean heardLive;
    private LiveRun live;
    private LiveEvents events;
    private boolean closed;

    /**
     * @param executor    reads the workspace and writes files, with outcomes on the FX thread
     * @param fx          the FX thread ({@code Platform::runLater}) in the application
     * @param chartWriter writes the chart data sets, one write after another, never on the FX thread
     * @param nanoClock   {@code System::nanoTime} outside tests, for the time left and the speed
     * @param onRunChanged called on {@code fx} when the run's recorded status changes (resumed, ended)
     */
    public DashboardViewModel(Workspace workspace, LiveRuns liveRuns, TaskExecutor executor, Executor fx,
                              Executor chartWriter, Messages messages, long runId, LongSupplier nanoClock,
                              Runnable onRunChanged) {
        this.workspace = workspace;
        this.liveRuns = liveRuns;
        this.executor = executor;
        this.fx = fx;
        this.chartWriter = chartWriter;
        this.messages = messages;
        this.runId = runId;
        this.onRunChanged = onRunChanged;
        this.texts = new ProgressTexts(messages);
        this.progress = new RunProgress(messages, nanoClock);
        this.curves = new RunCurves(steps, DEFAULT_SMOOTHING, metric -> fx.execute(() -> evalMetrics.add(metric)));
    }

    // Properties

    public long runId() {
        return runId;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** "SPIN run 3 · Tiny". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The run's status in words: training, stopping, completed, why it stopped or failed. */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** Iteration, phase, step, share done, time left and speed. */
    public RunProgress progress() {
        return progress;
    }

    /** The last export's result. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The run's log and the dashboard's own lines (opened, cancel asked, resumed, ended). */
    public ObservableList<String> log() {
        return log.lines();
    }

    /** The global steps at which completed iterations end, ascending. */
    public ObservableList<Long> boundaries() {
        return readOnlyBoundaries;
    }

    /** The held-out metrics that have points, in the order they first came. */
    public ObservableList<String> evalMetrics() {
        return readOnlyEvalMetrics;
    }

    /** The data sets the charts draw; written only off the FX thread (see the class comment). */
    RunCurves curves() {
        return curves;
    }

    // Commands

    /** Reads the run and, if it trains in this window, joins it. */
    public void open() {
        state.set(State.LOADING);
        statusText.set(messages.get("dashboard.status.loading"));
        LiveEvents listener = new LiveEvents(this, fx, new CurveFeed(curves, chartWriter));
        log.markJoin();
        heardLive = false;
        executor.execute(() -> subscribeAndRead(liveRuns.find(runId).orElse(null), listener),
                joined -> shown(joined, listener, false),
                failure -> {
                    state.set(State.UNAVAILABLE);
                    statusText.set(messages.get("dashboard.status.unavailable", ErrorMessages.describe(failure, messages)));
                });
    }

    /** Asks the run to stop after its current step; it stays resumable. */
    public void cancel() {
        if (state.get() != State.TRAINING || live == null) {
            return;
        }
        live.cancel();
        state.set(State.STOPPING);
        statusText.set(messages.get("dashboard.status.stopping"));
        addLog(messages.get("dashboard.log.cancel"));
    }

    /**
     * Continues a run that is neither training nor completed from its last checkpoint;
     * {@code onError} hears, in words, why it cannot (another run is training).
     */
    public void resume(Consumer<String> onError) {
        if (state.get() != State.STOPPED) {
            return;
        }
        LiveRun resumed;
        try {
            resumed = liveRuns.find(runId).orElseGet(() -> liveRuns.resume(runId, project));
        } catch (IllegalStateException busy) {
            String other = liveRuns.active().map(LiveRun::project).orElse("");
            onError.accept(messages.get("dashboard.resume.busy", other));
            return;
        }
        addLog(messages.get("dashboard.log.resume"));
        log.markJoin();
        heardLive = false;
        LiveEvents listener = new LiveEvents(this, fx, new CurveFeed(curves, chartWriter));
        attach(resumed, listener);
        onRunChanged.run();
        executor.execute(() -> subscribeAndRead(resumed, listener), joined -> shown(joined, listener, true),
                failure -> addLog(messages.get("dashboard.status.unavailable", ErrorMessages.describe(failure, messages))));
    }

    /** Smooths every training curve with {@code weight}, 0 (raw) to 0.99. */
    public void smoothWith(double weight) {
        double clamped = Math.max(0, Math.min(Ema.MAX_WEIGHT, weight));
        // a dragged slider asks many times: the writer smooths once, with the latest weight
        if (pendingSmoothing.getAndSet(clamped) == null) {
            chartWriter.execute(() -> curves.smoothWith(pendingSmoothing.getAndSet(null)));
        }
    }

    /** Writes every recorded point of the run to {@code file} as CSV. */
    public void exportCsv(Path file, Consumer<String> onError) {
        executor.execute(() -> {
            MetricCsv.write(file, MetricHistory.load(workspace, runId, new GlobalSteps()).all());
            return file;
        }, written -> message.set(messages.get("dashboard.export.saved", written.toString())),
                failure -> onError.accept(ErrorMessages.describe(failure, messages)));
    }

    /** The window closed: stop listening. The run goes on. */
    public void close() {
        closed = true;
        detach();
    }

    private void detach() {
        if (live != null && events != null) {
            live.removeListener(events);
        }
        live = null;
        events = null;
    }

    void exported(Path file) {
        message.set(messages.get("dashboard.export.saved", file.toString()));
    }

    // What comes back

    private record Joined(RunHistory history, LiveRun live, LiveRun.Snapshot snapshot) {
    }

    /** On the worker: subscribe before reading, so every step is either read or heard. */
    private Joined subscribeAndRead(LiveRun running, LiveEvents listener) {
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

    /** {@code resumed}: the dashboard itself started the run again, so it was not joined mid-way. */
    private void shown(Joined joined, LiveEvents listener, boolean resumed) {
        RunHistory history = joined.history();
        listener.feed().history(history);
        Run run = history.run();
        project = history.project();
        progress.plan(history.planned());
        title.set(messages.get("dashboard.title", run.kind().name(), run.id(), project));
        mergeBoundaries(steps.ends(history.completed()));
        if (joined.live() != null) {
            if (live != joined.live()) {
                attach(joined.live(), listener);
            }
            if (!heardLive && joined.snapshot().phase() != null) {
                LiveRun.Snapshot at = joined.snapshot();
                progress(at.iteration(), at.phase(), at.done(), at.total());
            }
            log.addEarlier(joined.snapshot().log());
            if (!joined.live().finished() && !resumed) {
                state.set(joined.live().cancelRequested() ? State.STOPPING : State.TRAINING);
                statusText.set(messages.get(joined.live().cancelRequested() ? "dashboard.status.stopping"
                        : "dashboard.status.training"));
                addLog(messages.get("dashboard.log.joined", title.get()));
            }
        } else {
            recorded(run);
            log.addEarlier(history.log());
            addLog(messages.get("dashboard.log.opened", title.get(), statusText.get()));
        }
    }

    private void attach(LiveRun running, LiveEvents listener) {
        live = running;
        events = listener;
        state.set(State.TRAINING);
        statusText.set(messages.get("dashboard.status.training"));
        running.outcome().whenComplete((outcome, failure) -> fx.execute(() -> ended(running, outcome, failure)));
    }

    private void ended(LiveRun running, RunOutcome outcome, Throwable failure) {
        if (closed) {
            onRunChanged.run(); // the overview still relists the run, whose window is gone
            return;
        }
        if (running != live) {
            return; // already seen ending
        }
        detach();
        executor.execute(() -> workspace.runs().findById(runId).orElseThrow(), run -> {
            recorded(run);
            if (failure != null && run.status() != RunStatus.FAILED) {
                statusText.set(messages.get("dashboard.status.failed", describe(failure)));
            }
            addLog(messages.get("dashboard.log.ended", statusText.get()));
            onRunChanged.run();
        }, readFailure -> {
            state.set(State.STOPPED);
            statusText.set(messages.get("dashboard.status.failed", ErrorMessages.describe(readFailure, messages)));
            onRunChanged.run();
        });
    }

    private String describe(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof Exception e ? ErrorMessages.describe(e, messages) : cause.toString();
    }

    /** A run that is not training here, as the workspace has it. */
    private void recorded(Run run) {
        state.set(run.status() == RunStatus.COMPLETED ? State.COMPLETED : State.STOPPED);
        statusText.set(texts.status(run));
        progress.stopped(run.status() == RunStatus.COMPLETED, completedCount());
    }

    private int completedCount() {
        return boundaries.size();
    }

    private void mergeBoundaries(List<Long> ends) {
        for (Long end : ends) {
            if (!boundaries.contains(end)) {
                boundaries.add(end);
            }
        }
        FXCollections.sort(boundaries);
    }

    // LiveEvents.Display, on the FX thread

    @Override
    public void progress(int iteration, Phase current, int done, int total) {
        heardLive = true;
        progress.update(iteration, current, done, total, steps.global(iteration, done));
    }

    @Override
    public void iterationFinished(int iteration) {
        mergeBoundaries(List.of(steps.end(iteration)));
    }

    @Override
    public void log(String line) {
        addLog(line);
    }

    private void addLog(String line) {
        log.add(line);
    }

    Optional<LiveRun> live() {
        return Optional.ofNullable(live);
    }
}
