package org.spinworkbench.ui.dashboard;

import io.fair_acc.dataset.DataSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.spinworkbench.runs.LiveRun;
import org.spinworkbench.runs.LiveRuns;
import org.spinworkbench.runs.RunOutcome;
import org.spinworkbench.store.Run;
import org.spinworkbench.store.RunStatus;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.Phase;
import org.spinworkbench.ui.common.ErrorMessages;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.PhaseEta;
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

    static final int LOG_LINES = 500;
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
    private final ProgressTexts texts;
    private final PhaseEta eta;
    private final GlobalSteps steps = new GlobalSteps();
    private final RunCurves curves;
    private final AtomicReference<Double> pendingSmoothing = new AtomicReference<>();

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper iterationText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper phaseText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper etaText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper throughputText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObservableList<Long> boundaries = FXCollections.observableArrayList();
    private final ObservableList<String> evalMetrics = FXCollections.observableArrayList();
    // one read-only view each: a view made per call would be collected with the listeners put on it
    private final ObservableList<String> readOnlyLog = FXCollections.unmodifiableObservableList(log);
    private final ObservableList<Long> readOnlyBoundaries = FXCollections.unmodifiableObservableList(boundaries);
    private final ObservableList<String> readOnlyEvalMetrics = FXCollections.unmodifiableObservableList(evalMetrics);

    private String project;
    private int planned;
    private Phase phase;
    private int phaseIteration;
    private boolean heardLive;
    private LiveRun live;
    private LiveEvents events;
    private int logMark;
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
        this.eta = new PhaseEta(nanoClock);
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

    public ReadOnlyStringProperty iterationTextProperty() {
        return iterationText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty phaseTextProperty() {
        return phaseText.getReadOnlyProperty();
    }

    /** The global step while training. */
    public ReadOnlyStringProperty stepTextProperty() {
        return stepText.getReadOnlyProperty();
    }

    /** Share of the current phase done, in [0, 1]; -1 while a phase has not counted anything yet. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty etaTextProperty() {
        return etaText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty throughputTextProperty() {
        return throughputText.getReadOnlyProperty();
    }

    /** The last export's result. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The run's log and the dashboard's own lines (opened, cancel asked, resumed, ended). */
    public ObservableList<String> log() {
        return readOnlyLog;
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

    public DataSet rawCurve(String metric) {
        return curves.raw(metric);
    }

    public DataSet smoothedCurve(String metric) {
        return curves.smoothed(metric);
    }

    /** Null before the metric's first point. */
    public DataSet evalCurve(String metric) {
        return curves.eval(metric);
    }

    // Commands

    /** Reads the run and, if it trains in this window, joins it. */
    public void open() {
        state.set(State.LOADING);
        statusText.set(messages.get("dashboard.status.loading"));
        LiveEvents listener = new LiveEvents(this, fx, new CurveFeed(curves, chartWriter));
        logMark = log.size();
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
        logMark = log.size();
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
            MetricCsv.write(file, RunHistory.load(workspace, runId, new GlobalSteps()).all());
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
        planned = history.planned();
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
            log.addAll(Math.min(logMark, log.size()), joined.snapshot().log());
            if (!joined.live().finished() && !resumed) {
                state.set(joined.live().cancelRequested() ? State.STOPPING : State.TRAINING);
                statusText.set(messages.get(joined.live().cancelRequested() ? "dashboard.status.stopping"
                        : "dashboard.status.training"));
                addLog(messages.get("dashboard.log.joined", title.get()));
            }
        } else {
            recorded(run);
            addLog(messages.get("dashboard.log.opened", title.get(), statusText.get()));
        }
        trimLog();
    }

    private void attach(LiveRun running, LiveEvents listener) {
        live = running;
        events = listener;
        heardLive = false;
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
        phase = null;
        etaText.set("");
        throughputText.set("");
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
        if (run.status() == RunStatus.COMPLETED) {
            progress.set(1);
            progressText.set("");
            phaseText.set("");
            stepText.set("");
        } else if (progress.get() < 0) {
            progress.set(0);
        }
        if (iterationText.get().isEmpty() && planned > 0) {
            iterationText.set(messages.get("dashboard.iterations.done", completedCount(), planned));
        }
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
        if (current != phase || iteration != phaseIteration) {
            phase = current;
            phaseIteration = iteration;
            eta.restart(done);
            phaseText.set(texts.phase(current));
        }
        iterationText.set(planned > 0 ? messages.get("dashboard.iteration", iteration, planned)
                : messages.get("dashboard.iteration.unplanned", iteration));
        progress.set(total > 0 ? Math.min(1.0, (double) done / total) : -1);
        progressText.set(total > 0 ? messages.get("dashboard.progress", done, total) : "");
        etaText.set(eta.remaining(done, total).map(texts::remaining).orElse(messages.get("dashboard.eta.estimating")));
        throughputText.set(texts.throughput(current, eta.perSecond(done)));
        stepText.set(current == Phase.TRAINING && total > 0
                ? messages.get("dashboard.step", steps.global(iteration, done), done, total) : "");
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
        trimLog();
    }

    private void trimLog() {
        if (log.size() > LOG_LINES) {
            log.remove(0, log.size() - LOG_LINES);
        }
    }

    Optional<LiveRun> live() {
        return Optional.ofNullable(live);
    }
}
