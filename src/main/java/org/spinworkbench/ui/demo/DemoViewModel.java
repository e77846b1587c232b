package org.spinworkbench.ui.demo;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.spinworkbench.runs.RunOutcome;
import org.spinworkbench.train.Cancellation;
import org.spinworkbench.train.Phase;
import org.spinworkbench.train.TrainingListener;
import org.spinworkbench.ui.common.ErrorMessages;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.PhaseEta;

/**
 * The workshop demo window's state: a SPIN run of the bundled model, its phase and progress
 * as it goes, and each model's held-out scores as they arrive.
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
    private final PhaseEta eta;
    private final Runnable onRunEnded;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.READY);
    private final BooleanBinding busy = Bindings.createBooleanBinding(() -> state.get().busy(), state);
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper iterationText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper phaseText = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper etaText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObservableList<DemoResult> results = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyLog = FXCollections.unmodifiableObservableList(log);
    private final ObservableList<DemoResult> readOnlyResults = FXCollections.unmodifiableObservableList(results);
    private Cancellation cancellation;

    /**
     * @param iterations the number of iterations {@code launcher} runs, for "Iteration 2 of 3"
     * @param runner     runs the whole demo: a new thread per run ({@link #dedicatedThread()}) in the application
     * @param fx         the FX thread ({@code Platform::runLater}) in the application
     * @param nanoClock  {@code System::nanoTime} outside tests, for the time left
     * @param onRunEnded called on {@code fx} once the run has ended, however: the workspace has a new run
     */
    public DemoViewModel(DemoLauncher launcher, int iterations, Messages messages, Executor runner, Executor fx,
                         LongSupplier nanoClock, Runnable onRunEnded) {
        this.launcher = launcher;
        this.iterations = iterations;
        this.messages = messages;
        this.runner = runner;
        this.fx = fx;
        this.eta = new PhaseEta(nanoClock);
        this.onRunEnded = onRunEnded;
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

    /** The phase of the current iteration; null before the first one starts and after the run. */
    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty iterationTextProperty() {
        return iterationText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty phaseTextProperty() {
        return phaseText.getReadOnlyProperty();
    }

    /** Share of the current phase done, in [0, 1]; -1 (indeterminate) while nothing is counted. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "12 / 40" units of the current phase. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty etaTextProperty() {
        return etaText.getReadOnlyProperty();
    }

    /** The outcome in one or two sentences: the accuracy summary, why it stopped, or what failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The run's log lines, the latest {@value #LOG_LINES} of them. */
    public ObservableList<String> log() {
        return readOnlyLog;
    }

    /** The base model's scores, then each iteration's, as they arrive. */
    public ObservableList<DemoResult> results() {
        return readOnlyResults;
    }

    /** "Base model" or "Iteration 2", as the table's first column shows it. */
    public String modelName(DemoResult result) {
        return result.isBaseModel() ? messages.get("demo.model.base")
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
        phaseText.set(messages.get("demo.preparing"));
        TrainingListener events = new FxThreadListener(new Events(), fx);
        runner.execute(() -> {
            try {
                RunOutcome outcome = launcher.run(events, requested);
                fx.execute(() -> ended(outcome));
            } catch (Exception e) {
                fx.execute(() -> failed(ErrorMessages.describe(e, messages)));
            } catch (Error e) {
                // the window must not wait forever on a run that died; the error still reaches the thread
                fx.execute(() -> failed(messages.get("error.unexpected", e.toString())));
                throw e;
            }
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
        iterationText.set("");
        phase.set(null);
        progress.set(-1);
        progressText.set("");
        etaText.set("");
    }

    private void ended(RunOutcome outcome) {
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
        phase.set(null);
        phaseText.set(messages.get(switch (end) {
            case FINISHED -> "demo.state.finished";
            case CANCELLED -> "demo.state.cancelled";
            default -> "demo.state.failed";
        }));
        if (end == State.FINISHED) {
            progress.set(1);
            progressText.set("");
        } else if (progress.get() < 0) {
            progress.set(0);
        }
        etaText.set("");
        message.set(text);
        state.set(end);
        onRunEnded.run();
    }

    /** "Accuracy went from 24 % to 41 % …", base model against the last iteration's model. */
    private String summary() {
        DemoResult base = results.stream().filter(DemoResult::isBaseModel).findFirst().orElse(null);
        DemoResult last = results.isEmpty() ? null : results.get(results.size() - 1);
        if (base == null || last == null || last.isBaseModel() || base.accuracy() == null || last.accuracy() == null) {
            return messages.get("demo.finished");
        }
        return messages.get("demo.summary", Math.round(100 * base.accuracy()), Math.round(100 * last.accuracy()),
                last.iteration());
    }

    private String phaseName(Phase value) {
        return switch (value) {
            case GENERATING -> messages.get("demo.phase.generating");
            case SCORING -> messages.get("demo.phase.scoring");
            case TRAINING -> messages.get("demo.phase.training");
            case EVALUATING -> messages.get("demo.phase.evaluating");
        };
    }

    private static String twoDigits(long value) {
        return value < 10 ? "0" + value : Long.toString(value);
    }

    private String remaining(Duration left) {
        long seconds = Math.max(1, Math.round(left.toMillis() / 1000.0));
        return seconds < 60 ? messages.get("demo.eta.seconds", seconds)
                : messages.get("demo.eta.minutes", seconds / 60, twoDigits(seconds % 60));
    }

    /** The run's events, already on the FX thread. */
    private final class Events implements TrainingListener {
        @Override
        public void phaseStarted(int iteration, Phase started) {
            iterationText.set(messages.get("demo.iteration", iteration, iterations));
            phase.set(started);
            phaseText.set(phaseName(started));
            progress.set(0);
            progressText.set("");
            etaText.set(messages.get("demo.eta.estimating"));
            eta.restart();
        }

        @Override
        public void progress(int iteration, Phase current, int done, int total) {
            if (current != phase.get()) {
                phaseStarted(iteration, current);
            }
            progress.set(total > 0 ? Math.min(1.0, (double) done / total) : -1);
            progressText.set(messages.get("demo.progress", done, total));
            etaText.set(eta.remaining(done, total).map(DemoViewModel.this::remaining)
                    .orElse(messages.get("demo.eta.estimating")));
        }

        @Override
        public void evaluated(int iteration, long step, Map<String, Double> metrics) {
            DemoResult result = DemoResult.of(iteration, metrics);
            results.removeIf(r -> r.iteration() == iteration);
            int at = 0;
            while (at < results.size() && results.get(at).iteration() < iteration) {
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
