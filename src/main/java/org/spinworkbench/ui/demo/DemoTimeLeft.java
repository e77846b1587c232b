package org.spinworkbench.ui.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.spinworkbench.runs.DemoRecipe;
import org.spinworkbench.train.Phase;

/**
 * The whole demo's time left, both arms, from how long its own phases took on this machine.
 *
 * <p>A SPIN iteration generates, scores, trains and evaluates; the phases of the iterations to
 * come are expected to take as long as the latest of their kind. The control trains on the
 * real responses alone, one sequence per example where SPIN's step runs two (real and
 * synthetic), over as many passes as all SPIN iterations: about half of SPIN's training time
 * per iteration, times the iterations. It then evaluates twice (the base model, its own
 * model), each as long as a SPIN evaluation. Unknown until every phase kind has been seen once.
 */
final class DemoTimeLeft {
    private static final Phase[] ITERATION = {Phase.GENERATING, Phase.SCORING, Phase.TRAINING, Phase.EVALUATING};

    private final int iterations;
    private final LongSupplier nanoClock;
    private final Map<Phase, Long> spinNanos = new EnumMap<>(Phase.class);
    private DemoRecipe.Arm arm;
    private int iteration;
    private Phase phase;
    private long phaseStart;
    private double done;

    DemoTimeLeft(int iterations, LongSupplier nanoClock) {
        this.iterations = iterations;
        this.nanoClock = nanoClock;
    }

    void phaseStarted(DemoRecipe.Arm nowArm, int nowIteration, Phase nowPhase) {
        long now = nanoClock.getAsLong();
        if (phase != null && arm == DemoRecipe.Arm.SPIN) {
            spinNanos.put(phase, now - phaseStart);
        }
        arm = nowArm;
        iteration = nowIteration;
        phase = nowPhase;
        phaseStart = now;
        done = 0;
    }

    /** The share of the current phase done, in [0, 1]. */
    void progress(double share) {
        done = Math.max(0, Math.min(1, share));
    }

    /** The time left until both arms have finished; empty while there is too little to go on. */
    Optional<Duration> remaining() {
        if (phase == null) {
            return Optional.empty();
        }
        long elapsed = nanoClock.getAsLong() - phaseStart;
        Long typical = expected(arm, phase);
        if (done <= 0 && typical == null) {
            return Optional.empty();
        }
        double current = done > 0 ? elapsed * (1 - done) / done : Math.max(0, typical - elapsed);
        Long later = later();
        return later == null ? Optional.empty() : Optional.of(Duration.ofNanos(Math.round(current + later)));
    }

    /** The expected time of every phase after the current one, or null while one of them is unknown. */
    private Long later() {
        long total = 0;
        List<Long> parts = new ArrayList<>();
        if (arm == DemoRecipe.Arm.SPIN) {
            boolean past = false;
            for (Phase kind : ITERATION) {
                if (past) {
                    parts.add(expected(DemoRecipe.Arm.SPIN, kind));
                }
                past |= kind == phase;
            }
            for (int t = iteration + 1; t <= iterations; t++) {
                for (Phase kind : ITERATION) {
                    parts.add(expected(DemoRecipe.Arm.SPIN, kind));
                }
            }
            parts.add(expected(DemoRecipe.Arm.CONTROL, Phase.TRAINING));
            parts.add(expected(DemoRecipe.Arm.CONTROL, Phase.EVALUATING)); // the base model, again
            parts.add(expected(DemoRecipe.Arm.CONTROL, Phase.EVALUATING)); // the control's model
        } else if (phase != Phase.EVALUATING) {
            parts.add(expected(DemoRecipe.Arm.CONTROL, Phase.EVALUATING));
        }
        for (Long part : parts) {
            if (part == null) {
                return null;
            }
            total += part;
        }
        return total;
    }

    /** How long a phase of {@code ofArm} is expected to take, from SPIN's latest of its kind; null if none yet. */
    private Long expected(DemoRecipe.Arm ofArm, Phase kind) {
        Long spin = spinNanos.get(kind);
        if (spin == null) {
            return null;
        }
        return ofArm == DemoRecipe.Arm.CONTROL && kind == Phase.TRAINING ? spin * iterations / 2 : spin;
    }
}
