package org.spinworkbench.ui.common;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;

/**
 * What is left of a phase, extrapolated from how fast its units have gone since it started;
 * shared by the windows that show a run's progress (the demo, the run dashboard).
 */
public final class PhaseEta {
    private final LongSupplier nanoClock;
    private long startedAt;
    private int startedFrom;

    /** {@code nanoClock} is {@code System::nanoTime} outside tests. */
    public PhaseEta(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.startedAt = nanoClock.getAsLong();
    }

    public void restart() {
        restart(0);
    }

    /**
     * Starts timing a phase that already has {@code done} units behind it (a resumed
     * iteration, a dashboard joining mid-way): only the units done from now on set the pace.
     */
    public void restart(int done) {
        startedAt = nanoClock.getAsLong();
        startedFrom = Math.max(0, done);
    }

    /** Empty until a first unit is done: there is nothing to extrapolate from before. */
    public Optional<Duration> remaining(int done, int total) {
        int counted = done - startedFrom;
        if (counted <= 0 || total <= 0) {
            return Optional.empty();
        }
        long elapsed = nanoClock.getAsLong() - startedAt;
        return Optional.of(Duration.ofNanos((long) ((double) elapsed / counted * Math.max(0, total - done))));
    }

    /** Units per second since the phase started; empty until a unit is done. */
    public OptionalDouble perSecond(int done) {
        int counted = done - startedFrom;
        long elapsed = nanoClock.getAsLong() - startedAt;
        if (counted <= 0 || elapsed <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(counted * 1e9 / elapsed);
    }
}
