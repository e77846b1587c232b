package org.spinworkbench.ui.demo;

import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.spinworkbench.runs.DemoRecipe;
import org.spinworkbench.runs.RunOutcome;
import org.spinworkbench.store.RunStatus;
import org.spinworkbench.train.Cancellation;
import org.spinworkbench.train.Phase;
import org.spinworkbench.train.TrainingListener;
import org.spinworkbench.ui.common.ErrorMessages;
import org.spinworkbench.ui.common.Messages;

/**
 * The workshop demo window's state: SPIN on the bundled model, then the control (continued
 * SFT from the same base with as many passes), the phase and progress of whichever is going,
 * the time left for both, and each model's held-out scores as they arrive.
 *
 * <p>Threading: commands are called, and every property changes, on the thread {@code fx}
 * runs its work on (the FX thread in the application). The run goes to {@code runner}, a
 * thread of its own: it takes minutes, so never the shared store worker. Its events and its
 * outcome come back through {@code fx}; the run posts them and never waits for the window.
 */
public final class DemoViewModel {
    /** Where the demo is; a new run can start from any state but the two busy ones. */
    public enum State {
        READY, RUNNING, CANCELLING, FINISHED, CANCELLED, FAILED;

        public boolean busy() {
            return this == RUNNING || this == CANCELLING;
        }
    }

    static final int LOG_LINES = 300;

    private final DemoLauncher launcher;
    private final int iterations;
    private final Messages messages;
    private final Executor runner;
    private final Executor fx;
    private final DemoProgress progress;
    /** No run: run ids start at 1. */
    public static final long NO_RUN = 0;

    private final LongConsumer onRunsChanged;
    /** The self-play arm's run, recorded first; null until then. */
    private Long spinRun;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.READY);
    private final BooleanBinding busy = Bindings.createBooleanBinding(() -> state.get().busy(), state);
    private final ReadOnlyObjectWrapper<Long> runId = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObservableList<DemoResult> results = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyLog = FXCollections.unmodifiableObservableList(log);
    private final ObservableList<DemoResult> readOnlyResults = FXCollections.unmodifiableObservableList(results);
    private Cancellation cancellation;

    /**
     * @param iterations the number of iterations {@code launcher} runs, for "Iteration 2 of 3"
     * @param onRunsChanged called on the FX thread when an arm's run is recorded and when the demo
     *                      ends, however: the workspace's runs have changed. It is told the run to show:
     *                      the one just recorded, and at the end the self-play run ({@link #NO_RUN} if none was)
     */
    public DemoViewModel(DemoLauncher launcher, int iterations, Messages messages, DemoThreads threads,
                         LongConsumer onRunsChanged) {
        this.launcher = launcher;
        this.iterations = iterations;
        this.messages = messages;
        this.runner = threads.runner();
        this.fx = threads.fx();
        this.progress = new DemoProgress(messages, iterations, threads.nanoClock());
        this.onRunsChanged = onRunsChanged;
    }

    /** A new daemon thread for each run, so a run winding down never keeps the application alive. */
    public static Executor dedicatedThread() {
        return work -> {
            Thread thread = new Thread(work, "spin-workbench-demo");
            thread.setDaemon(true);
            thread.start();
        };
    }

    // Properties

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** True while a run is going or stopping: no second start, and closing asks first. */
    public BooleanBinding busyProperty() {
        return busy;
    }

    /** Where the demo is: arm, iteration, phase, share done and the time left. */
    public DemoProgress progress() {
        return progress;
    }

    /** The run going now (SPIN's, then the control's), or the last one; null until the first is recorded. */
    public ReadOnlyObjectProperty<Long> runIdProperty() {
        return runId.getReadOnlyProperty();
    }

    public int iterations() {
        return iterations;
    }

    /** The outcome in one or two sentences: the accuracy summary, why it stopped, or what failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The run's log lines, the latest {@value #LOG_LINES} of them. */
    public ObservableList<String> log() {
        return readOnlyLog;
    }

    /** The base model's scores, then each SPIN iteration's, then the control's, as they arrive. */
    public ObservableList<DemoResult> results() {
        return readOnlyResults;
    }

    /** "Base model", "SPIN iteration 2" or "Continued SFT (control)", as the table's first column shows it. */
    public String modelName(DemoResult result) {
        return result.isBaseModel() ? messages.get("demo.model.base")
                : result.isControl() ? messages.get("demo.model.control")
                : messages.get("demo.model.iteration", result.iteration());
    }

    // Commands

    /** Starts a run on {@code runner} unless one is going; clears what the last run showed. */
    public void start() {
        if (state.get().busy()) {
            return;
        }
        clear();
        Cancellation requested = new Cancellation();
        cancellation = requested;
        state.set(State.RUNNING);
        progress.preparing();
        runner.execute(() -> {
            try {
                RunOutcome spin = launcher.run(DemoRecipe.Arm.SPIN, events(DemoRecipe.Arm.SPIN), this::recorded,
                        requested);
                RunOutcome control = spin.status() != RunStatus.COMPLETED ? null
                        : launcher.run(DemoRecipe.Arm.CONTROL, events(DemoRecipe.Arm.CONTROL), this::recorded,
                        requested);
                fx.execute(() -> ended(spin, control));
            } catch (Exception e) {
                fx.execute(() -> failed(ErrorMessages.describe(e, messages)));
            } catch (Error e) {
                // the window must not wait forever on a run that died; the error still reaches the thread
                fx.execute(() -> failed(messages.get("error.unexpected", e.toString())));
                throw e;
            }
        });
    }

    private TrainingListener events(DemoRecipe.Arm arm) {
        return new FxThreadListener(new Events(arm), fx);
    }

    /** On the run's thread: an arm's run is in the workspace. */
    private void recorded(long id) {
        fx.execute(() -> {
            runId.set(id);
            if (spinRun == null) {
                spinRun = id;
            }
            onRunsChanged.accept(id);
        });
    }

    /** Asks the run to stop at its next step boundary; what it finished stays in the workspace. */
    public void cancel() {
        if (state.get() != State.RUNNING) {
            return;
        }
        state.set(State.CANCELLING);
        message.set(messages.get("demo.cancelling"));
        cancellation.request();
    }

    private void clear() {
        results.clear();
        log.clear();
        message.set("");
        runId.set(null);
    }

    private void ended(RunOutcome spin, RunOutcome control) {
        RunOutcome outcome = control == null ? spin : control;
        switch (outcome.status()) {
            case COMPLETED -> finish(State.FINISHED, summary());
            case CANCELLED -> finish(State.CANCELLED, messages.get("demo.cancelled"));
            default -> finish(State.FAILED, messages.get("demo.failed", String.valueOf(outcome.message())));
        }
    }

    private void failed(String reason) {
        finish(State.FAILED, messages.get("demo.failed", reason));
    }

    private void finish(State end, String text) {
        progress.ended(switch (end) {
            case FINISHED -> "demo.state.finished";
            case CANCELLED -> "demo.state.cancelled";
            default -> "demo.state.failed";
        }, end == State.FINISHED);
        message.set(text);
        state.set(end);
        onRunsChanged.accept(spinRun == null ? NO_RUN : spinRun);
    }

    /** The headline: base, SPIN's last iteration and the control, and which of the two did better. */
    private String summary() {
        DemoResult base = find(r -> r.isBaseModel());
        DemoResult control = find(DemoResult::isControl);
        DemoResult last = results.stream().filter(r -> !r.isBaseModel() && !r.isControl())
                .reduce((first, second) -> second).orElse(null);
        if (base == null || last == null || control == null || base.accuracy() == null || last.accuracy() == null
                || control.accuracy() == null) {
            return messages.get("demo.finished");
        }
        long from = Math.round(100 * base.accuracy());
        long spin = Math.round(100 * last.accuracy());
        long sft = Math.round(100 * control.accuracy());
        String verdict = spin > sft && spin > from ? "demo.verdict.spinAhead"
                : spin == sft ? "demo.verdict.level"
                : spin < sft ? "demo.verdict.controlAhead" : "demo.verdict.noGain";
        return messages.get("demo.summary", from, spin, last.iteration(), sft) + " " + messages.get(verdict);
    }

    private DemoResult find(Predicate<DemoResult> which) {
        return results.stream().filter(which).findFirst().orElse(null);
    }

    /** One arm's events, already on the FX thread. */
    private final class Events implements TrainingListener {
        private final DemoRecipe.Arm arm;

        Events(DemoRecipe.Arm arm) {
            this.arm = arm;
        }

        @Override
        public void phaseStarted(int iteration, Phase started) {
            progress.phaseStarted(arm, iteration, started);
        }

        @Override
        public void progress(int iteration, Phase current, int done, int total) {
            progress.progress(arm, iteration, current, done, total);
        }

        @Override
        public void evaluated(int iteration, long step, Map<String, Double> metrics) {
            if (arm == DemoRecipe.Arm.CONTROL && iteration == 0) {
                return; // the same base model on the same questions: SPIN's run has shown it
            }
            DemoResult result = DemoResult.of(arm, iteration, metrics);
            results.removeIf(r -> r.order() == result.order());
            int at = 0;
            while (at < results.size() && results.get(at).order() < result.order()) {
                at++;
            }
            results.add(at, result);
        }

        @Override
        public void log(String line) {
            log.add(line);
            if (log.size() > LOG_LINES) {
                log.remove(0, log.size() - LOG_LINES);
            }
        }
    }
}
