package org.spinworkbench.ui.demo;

import java.time.Duration;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.spinworkbench.runs.DemoRecipe;
import org.spinworkbench.train.Phase;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.PhaseProgress;

/**
 * Where the demo is, in a workshop's words: the arm and iteration, the phase, its share done,
 * the time left in the phase (timed as the dashboard times it) and in the whole demo.
 * Changed on the FX thread only.
 */
public final class DemoProgress extends PhaseProgress {
    private final Messages messages;
    private final int iterations;
    private final DemoTimeLeft timeLeft;

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper totalEtaText = new ReadOnlyStringWrapper("");

    DemoProgress(Messages messages, int iterations, LongSupplier nanoClock) {
        super(nanoClock);
        this.messages = messages;
        this.iterations = iterations;
        this.timeLeft = new DemoTimeLeft(iterations, nanoClock);
    }

    /** The phase of the current iteration; null before the first one starts and after the run. */
    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** "About 3 min 20 s left in the demo": both arms; empty until the first iteration has shown how long things take. */
    public ReadOnlyStringProperty totalEtaTextProperty() {
        return totalEtaText.getReadOnlyProperty();
    }

    /** A new run: nothing shown but that it is being prepared. */
    void preparing() {
        iterationText.set("");
        phase.set(null);
        phaseText.set(messages.get("demo.preparing"));
        progress.set(-1);
        progressText.set("");
        etaText.set("");
        totalEtaText.set("");
    }

    void phaseStarted(DemoRecipe.Arm arm, int iteration, Phase started) {
        iterationText.set(arm == DemoRecipe.Arm.SPIN ? messages.get("demo.iteration", iteration, iterations)
                : messages.get("demo.control"));
        phase.set(started);
        phaseStarted(phaseName(started), 0);
        progress.set(0);
        progressText.set("");
        etaText.set(messages.get("demo.eta.estimating"));
        timeLeft.phaseStarted(arm, iteration, started);
        showTimeLeft();
    }

    void progress(DemoRecipe.Arm arm, int iteration, Phase current, int done, int total) {
        if (current != phase.get()) {
            phaseStarted(arm, iteration, current);
        }
        counted(done, total, messages.get("demo.progress", done, total),
                left -> messages.get("demo.eta.phase", duration(left)), messages.get("demo.eta.estimating"));
        timeLeft.progress(total > 0 ? (double) done / total : 0);
        showTimeLeft();
    }

    /** The run is over: {@code stateKey} says how; a finished run's bar is full, a stopped one's stays. */
    void ended(String stateKey, boolean finished) {
        phase.set(null);
        phaseText.set(messages.get(stateKey));
        stopped(finished);
        totalEtaText.set("");
    }

    private void showTimeLeft() {
        totalEtaText.set(timeLeft.remaining().map(left -> messages.get("demo.eta.total", duration(left))).orElse(""));
    }

    private String phaseName(Phase value) {
        return switch (value) {
            case GENERATING -> messages.get("demo.phase.generating");
            case SCORING -> messages.get("demo.phase.scoring");
            case TRAINING -> messages.get("demo.phase.training");
            case EVALUATING -> messages.get("demo.phase.evaluating");
        };
    }

    /** "40 s" or "3 min 05 s". */
    private String duration(Duration left) {
        long seconds = Math.max(1, Math.round(left.toMillis() / 1000.0));
        return seconds < 60 ? messages.get("demo.duration.seconds", seconds)
                : messages.get("demo.duration.minutes", seconds / 60, twoDigits(seconds % 60));
    }

    private static String twoDigits(long value) {
        return value < 10 ? "0" + value : Long.toString(value);
    }
}
