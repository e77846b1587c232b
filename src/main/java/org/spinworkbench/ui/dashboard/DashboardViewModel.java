package org.spinworkbench.ui.dashboard;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.spinworkbench.runs.GlobalSteps;
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

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("");
    private final CurveExports exports;
    private final RunLog log = new RunLog();
    private final IterationEnds boundaries = new IterationEnds();
    private final ObservableList<String> evalMetrics = FXCollections.observableArrayList();
    // one read-only view each: a view made per call would be collected with the listeners put on it
    private final ObservableList<String> readOnlyEvalMetrics = FXCollections.unmodifiableObservableList(evalMetrics);

    private String project;
    /** True once the joined run's own events have told where it is: newer than its snapshot. */
    private boolean heardLive;
    private final RunSubscription subscription;

    /** {@code onRunChanged} is called on the FX thread when the run's recorded status changes (resumed, ended). */
    public DashboardViewModel(Workspace workspace, LiveRuns liveRuns, DashboardThreads threads, Messages messages,
                              long runId, Runnable onRunChanged) {
        this.workspace = workspace;
        this.liveRuns = liveRuns;
        this.executor = threads.store();
        this.fx = threads.fx();
        this.chartWriter = threads.chartWriter();
        this.messages = messages;
        this.runId = runId;
        this.onRunChanged = onRunChanged;
        this.texts = new ProgressTexts(messages);
        this.exports = new CurveExports(workspace, executor, messages, runId);
        this.progress = new RunProgress(messages, threads.nanoClock());
        this.curves = new RunCurves(steps, DEFAULT_SMOOTHING, metric -> fx.execute(() -> evalMetrics.add(metric)));
        this.subscription = new RunSubscription(workspace, runId, steps, fx, this::ended,
                onRunChanged); // the overview still relists a run whose window is gone
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

    /** Exports of the run's curves, and what the last one wrote. */
    public CurveExports exports() {
        return exports;
    }

    /** The run's log and the dashboard's own lines (opened, cancel asked, resumed, ended). */
    public ObservableList<String> log() {
        return log.lines();
    }

    /** The global steps at which completed iterations end, ascending. */
    public ObservableList<Long> boundaries() {
        return boundaries.view();
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
        show(State.LOADING, messages.get("dashboard.status.loading"));
        join(liveRuns.find(runId).orElse(null), false, failure -> show(State.UNAVAILABLE,
                messages.get("dashboard.status.unavailable", ErrorMessages.describe(failure, messages))));
    }

    /**
     * Subscribes to {@code running} (null: it does not train here) and reads the history, then
     * shows both; {@code resumed}: this dashboard started the run again, so it is not joined mid-way.
     */
    private void join(LiveRun running, boolean resumed, Consumer<Exception> onFailure) {
        log.markJoin();
        heardLive = false;
        LiveEvents listener = new LiveEvents(this, fx, new CurveFeed(curves, chartWriter));
        if (resumed) {
            attach(running, listener);
            onRunChanged.run();
        }
        executor.execute(() -> subscription.subscribeAndRead(running, listener),
                joined -> shown(joined, listener, resumed), onFailure);
    }

    private void show(State now, String status) {
        state.set(now);
        statusText.set(status);
    }

    /** Asks the run to stop after its current step; it stays resumable. */
    public void cancel() {
        if (state.get() != State.TRAINING || subscription.live().isEmpty()) {
            return;
        }
        subscription.live().get().cancel();
        show(State.STOPPING, messages.get("dashboard.status.stopping"));
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
        join(resumed, true, failure -> addLog(messages.get("dashboard.status.unavailable",
                ErrorMessages.describe(failure, messages))));
    }

    /** Smooths every training curve with {@code weight}, 0 (raw) to 0.99. */
    public void smoothWith(double weight) {
        curves.smoothLater(Math.max(0, Math.min(Ema.MAX_WEIGHT, weight)), chartWriter);
    }

    /** The window closed: stop listening. The run goes on. */
    public void close() {
        subscription.close();
    }

    // What comes back

    /** {@code resumed}: the dashboard itself started the run again, so it was not joined mid-way. */
    private void shown(RunSubscription.Joined joined, LiveEvents listener, boolean resumed) {
        RunHistory history = joined.history();
        listener.feed().history(history);
        Run run = history.run();
        project = history.project();
        progress.plan(history.planned());
        title.set(messages.get("dashboard.title", run.kind().name(), run.id(), project));
        boundaries.merge(steps.ends(history.completed()));
        if (joined.live() != null) {
            if (!subscription.holds(joined.live())) {
                attach(joined.live(), listener);
            }
            if (!heardLive && joined.snapshot().phase() != null) {
                LiveRun.Snapshot at = joined.snapshot();
                progress(at.iteration(), at.phase(), at.done(), at.total());
            }
            log.addEarlier(joined.snapshot().log());
            if (!joined.live().finished() && !resumed) {
                boolean stopping = joined.live().cancelRequested();
                show(stopping ? State.STOPPING : State.TRAINING, messages.get(stopping ? "dashboard.status.stopping"
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
        subscription.attach(running, listener);
        show(State.TRAINING, messages.get("dashboard.status.training"));
    }

    /** The attached run ended while the window is open: how the workspace recorded it. */
    private void ended(RunOutcome outcome, Throwable failure) {
        executor.execute(() -> workspace.runs().findById(runId).orElseThrow(), run -> {
            recorded(run);
            if (failure != null && run.status() != RunStatus.FAILED) {
                statusText.set(messages.get("dashboard.status.failed", ErrorMessages.describe(failure, messages)));
            }
            addLog(messages.get("dashboard.log.ended", statusText.get()));
            onRunChanged.run();
        }, readFailure -> {
            show(State.STOPPED, messages.get("dashboard.status.failed", ErrorMessages.describe(readFailure, messages)));
            onRunChanged.run();
        });
    }

    /** A run that is not training here, as the workspace has it. */
    private void recorded(Run run) {
        show(run.status() == RunStatus.COMPLETED ? State.COMPLETED : State.STOPPED, texts.status(run));
        progress.stopped(run.status() == RunStatus.COMPLETED, boundaries.count());
    }

    // LiveEvents.Display, on the FX thread

    @Override
    public void progress(int iteration, Phase current, int done, int total) {
        heardLive = true;
        progress.update(iteration, current, done, total, steps.global(iteration, done));
    }

    @Override
    public void iterationFinished(int iteration) {
        boundaries.merge(List.of(steps.end(iteration)));
    }

    @Override
    public void log(String line) {
        addLog(line);
    }

    private void addLog(String line) {
        log.add(line);
    }

    Optional<LiveRun> live() {
        return subscription.live();
    }
}
