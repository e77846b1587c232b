package org.spinworkbench.ui.demo;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/** What is left of a phase, extrapolated from how fast its units have gone since it started. */
final class PhaseEta {
    private final LongSupplier nanoClock;
    private long startedAt;

    /** {@code nanoClock} is {@code System::nanoTime} outside tests. */
    PhaseEta(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.startedAt = nanoClock.getAsLong();
    }

    void restart() {
        startedAt = nanoClock.getAsLong();
    }

    /** Empty until a first unit is done: there is nothing to extrapolate from before. */
    Optional<Duration> remaining(int done, int total) {
        if (done <= 0 || total <= 0) {
            return Optional.empty();
        }
        long elapsed = nanoClock.getAsLong() - startedAt;
        return Optional.of(Duration.ofNanos((long) ((double) elapsed / done * Math.max(0, total - done))));
    }
}
