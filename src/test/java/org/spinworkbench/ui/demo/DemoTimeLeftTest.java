package org.spinworkbench.ui.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.spinworkbench.runs.DemoRecipe;
import org.spinworkbench.train.Phase;

/** The whole demo's time left, on a clock the test moves: phases to come take as long as the last of their kind. */
class DemoTimeLeftTest {
    private final AtomicLong nanos = new AtomicLong();
    private final DemoTimeLeft left = new DemoTimeLeft(3, nanos::get);

    private void spend(long seconds) {
        nanos.addAndGet(Duration.ofSeconds(seconds).toNanos());
    }

    @Test
    void unknownUntilEveryPhaseKindHasBeenTimedOnce() {
        assertTrue(left.remaining().isEmpty(), "nothing started");
        left.phaseStarted(DemoRecipe.Arm.SPIN, 1, Phase.GENERATING);
        spend(10);
        assertTrue(left.remaining().isEmpty(), "no phase has ended: nothing to go on");
        left.progress(0.5);
        assertTrue(left.remaining().isEmpty(), "the phases after this one are not known yet");
    }

    @Test
    void afterIterationOneTheRestIsTheSameAgainPlusTheControl() {
        // iteration 1: generating 10 s, scoring 2 s, training 20 s, evaluating 4 s
        left.phaseStarted(DemoRecipe.Arm.SPIN, 1, Phase.GENERATING);
        spend(10);
        left.phaseStarted(DemoRecipe.Arm.SPIN, 1, Phase.SCORING);
        spend(2);
        left.phaseStarted(DemoRecipe.Arm.SPIN, 1, Phase.TRAINING);
        spend(20);
        left.phaseStarted(DemoRecipe.Arm.SPIN, 1, Phase.EVALUATING);
        spend(4);
        left.phaseStarted(DemoRecipe.Arm.SPIN, 2, Phase.GENERATING);
        spend(5);
        left.progress(0.5);
        // 5 s more of this phase; 2 + 20 + 4 of iteration 2; 36 of iteration 3;
        // the control: half of SPIN's training per iteration times 3 iterations (30 s), evaluations 2 × 4 s
        assertEquals(Duration.ofSeconds(5 + 26 + 36 + 30 + 8), left.remaining().orElseThrow());

        left.phaseStarted(DemoRecipe.Arm.CONTROL, 1, Phase.TRAINING);
        spend(12);
        left.progress(0.25);
        assertEquals(Duration.ofSeconds(36 + 4), left.remaining().orElseThrow(), "its own pace, then one evaluation");
        left.phaseStarted(DemoRecipe.Arm.CONTROL, 1, Phase.EVALUATING);
        spend(1);
        assertEquals(Duration.ofSeconds(3), left.remaining().orElseThrow(), "the last phase, as long as SPIN's");
    }
}
