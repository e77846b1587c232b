package org.spinworkbench.ui.dashboard;

import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.spinworkbench.train.Phase;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.PhaseProgress;

/**
 * Where a run is within its plan, as the dashboard's header shows it: iteration t of N, the
 * phase, the global step, the share of the phase done, the time left and the speed. Changed
 * on the FX thread only.
 */
public final class RunProgress extends PhaseProgress {
    private final Messages messages;
    private final ProgressTexts texts;

    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper throughputText = new ReadOnlyStringWrapper("");
    private int planned;
    private Phase phase;
    private int phaseIteration;

    /** {@code nanoClock} is {@code System::nanoTime} outside tests. */
    RunProgress(Messages messages, LongSupplier nanoClock) {
        super(nanoClock);
        this.messages = messages;
        this.texts = new ProgressTexts(messages);
    }

    /** The global step while training. */
    public ReadOnlyStringProperty stepTextProperty() {
        return stepText.getReadOnlyProperty();
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
            phaseStarted(texts.phase(current), done); // a phase joined mid-way is timed from here
        }
        iterationText.set(planned > 0 ? messages.get("dashboard.iteration", iteration, planned)
                : messages.get("dashboard.iteration.unplanned", iteration));
        counted(done, total, total > 0 ? messages.get("dashboard.progress", done, total) : "", texts::remaining,
                messages.get("dashboard.eta.estimating"));
        throughputText.set(texts.throughput(current, eta.perSecond(done)));
        stepText.set(current == Phase.TRAINING && total > 0
                ? messages.get("dashboard.step", globalStep, done, total) : "");
    }

    /** The run is not training (any more): nothing is going on to time. */
    void stopped(boolean completed, int completedIterations) {
        phase = null;
        stopped(completed);
        throughputText.set("");
        if (completed) {
            phaseText.set("");
            stepText.set("");
        }
        if (planned > 0 && (completed || iterationText.get().isEmpty())) {
            iterationText.set(messages.get("dashboard.iterations.done", completedIterations, planned));
        }
    }
}
