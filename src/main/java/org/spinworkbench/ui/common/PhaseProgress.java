package org.spinworkbench.ui.common;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Where a run is within its current phase, as a progress header shows it: the iteration, the
 * phase, the share done, the units counted and the time left ({@link PhaseEta}). The one rule
 * for these, shared by the run dashboard and the workshop demo, which word them each their own
 * way. Changed on the FX thread only.
 */
public abstract class PhaseProgress {
    protected final PhaseEta eta;
    protected final ReadOnlyStringWrapper iterationText = new ReadOnlyStringWrapper("");
    protected final ReadOnlyStringWrapper phaseText = new ReadOnlyStringWrapper("");
    protected final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    protected final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    protected final ReadOnlyStringWrapper etaText = new ReadOnlyStringWrapper("");

    /** {@code nanoClock} is {@code System::nanoTime} outside tests. */
    protected PhaseProgress(LongSupplier nanoClock) {
        this.eta = new PhaseEta(nanoClock);
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

    /** A phase named {@code name} starts, or is joined with {@code done} units behind it: its pace counts from here. */
    protected void phaseStarted(String name, int done) {
        eta.restart(done);
        phaseText.set(name);
    }

    /**
     * {@code done} of {@code total} units: the share done, {@code counted} as the count in words,
     * and the time left worded by {@code left}, or {@code estimating} before the pace is known.
     */
    protected void counted(int done, int total, String counted, Function<Duration, String> left, String estimating) {
        progress.set(total > 0 ? Math.min(1.0, (double) done / total) : -1);
        progressText.set(counted);
        etaText.set(eta.remaining(done, total).map(left).orElse(estimating));
    }

    /** Nothing is going on to time any more: a completed run's bar is full, a stopped one's stays where it was. */
    protected void stopped(boolean completed) {
        etaText.set("");
        if (completed) {
            progress.set(1);
            progressText.set("");
        } else if (progress.get() < 0) {
            progress.set(0);
        }
    }
}
