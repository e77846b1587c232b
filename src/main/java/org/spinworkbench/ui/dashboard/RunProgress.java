package org.spinworkbench.ui.dashboard;

import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.spinworkbench.train.Phase;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.PhaseEta;

/**
 * Where a run is within its plan, as the dashboard's header shows it: iteration t of N, the
 * phase, the global step, the share of the phase done, the time left and the speed. Changed
 * on the FX thread only.
 */
public final class RunProgress {
    private final Messages messages;
    private final ProgressTexts texts;
    private final PhaseEta eta;

    private final ReadOnlyStringWrapper iterationText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper phaseText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper etaText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper throughputText = new ReadOnlyStringWrapper("");
    private int planned;
    private Phase phase;
    private int phaseIteration;

    /** {@code nanoClock} is {@code System::nanoTime} outside tests. */
    RunProgress(Messages messages, LongSupplier nanoClock) {
        this.messages = messages;
        this.texts = new ProgressTexts(messages);
        this.eta = new PhaseEta(nanoClock);
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

    /** The iterations the run's configuration asks for (0: unknown). */
    void plan(int iterations) {
        planned = iterations;
    }

    /** {@code done} of {@code total} units of {@code current}; {@code globalStep} counts while training. */
    void update(int iteration, Phase current, int done, int total, long globalStep) {
        if (current != phase || iteration != phaseIteration) {
            phase = current;
            phaseIteration = iteration;
            eta.restart(done); // a phase joined mid-way is timed from here
            phaseText.set(texts.phase(current));
        }
        iterationText.set(planned > 0 ? messages.get("dashboard.iteration", iteration, planned)
                : messages.get("dashboard.iteration.unplanned", iteration));
        progress.set(total > 0 ? Math.min(1.0, (double) done / total) : -1);
        progressText.set(total > 0 ? messages.get("dashboard.progress", done, total) : "");
        etaText.set(eta.remaining(done, total).map(texts::remaining).orElse(messages.get("dashboard.eta.estimating")));
        throughputText.set(texts.throughput(current, eta.perSecond(done)));
        stepText.set(current == Phase.TRAINING && total > 0
                ? messages.get("dashboard.step", globalStep, done, total) : "");
    }

    /** The run is not training (any more): nothing is going on to time. */
    void stopped(boolean completed, int completedIterations) {
        phase = null;
        etaText.set("");
        throughputText.set("");
        if (completed) {
            progress.set(1);
            progressText.set("");
            phaseText.set("");
            stepText.set("");
        } else if (progress.get() < 0) {
            progress.set(0);
        }
        if (planned > 0 && (completed || iterationText.get().isEmpty())) {
            iterationText.set(messages.get("dashboard.iterations.done", completedIterations, planned));
        }
    }
}
