package org.spinworkbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PhaseEtaTest {
    private final AtomicLong now = new AtomicLong();
    private final PhaseEta eta = new PhaseEta(now::get);

    private void after(long seconds) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    @Test
    void extrapolatesFromThePaceSoFar() {
        eta.restart();
        after(10);
        assertEquals(Optional.of(Duration.ofSeconds(30)), eta.remaining(2, 8));
        assertEquals(0.2, eta.perSecond(2).orElseThrow(), 1e-12);
    }

    @Test
    void aPhaseJoinedMidWayIsTimedFromThere() {
        eta.restart(30); // 30 of 40 were done before anyone watched
        assertTrue(eta.remaining(30, 40).isEmpty(), "nothing counted yet");
        assertTrue(eta.perSecond(30).isEmpty());
        after(4);
        assertEquals(Optional.of(Duration.ofSeconds(4)), eta.remaining(35, 40));
        assertEquals(1.25, eta.perSecond(35).orElseThrow(), 1e-12);
    }
}
