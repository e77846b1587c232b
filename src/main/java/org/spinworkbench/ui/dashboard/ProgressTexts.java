package org.spinworkbench.ui.dashboard;

import java.time.Duration;
import java.util.OptionalDouble;
import org.spinworkbench.store.Run;
import org.spinworkbench.train.Phase;
import org.spinworkbench.ui.common.Messages;

/** The dashboard's words for where a run stands: phases, time left, speed and status. */
final class ProgressTexts {
    private final Messages messages;

    ProgressTexts(Messages messages) {
        this.messages = messages;
    }

    String phase(Phase phase) {
        return switch (phase) {
            case GENERATING -> messages.get("dashboard.phase.generating");
            case SCORING -> messages.get("dashboard.phase.scoring");
            case TRAINING -> messages.get("dashboard.phase.training");
            case EVALUATING -> messages.get("dashboard.phase.evaluating");
        };
    }

    /** "12.5 steps/s": what the phase counts, per second. */
    String throughput(Phase phase, OptionalDouble perSecond) {
        if (perSecond.isEmpty()) {
            return "";
        }
        double rate = perSecond.getAsDouble();
        return switch (phase) {
            case GENERATING -> messages.get("dashboard.throughput.prompts", rate);
            case SCORING, EVALUATING -> messages.get("dashboard.throughput.pairs", rate);
            case TRAINING -> messages.get("dashboard.throughput.steps", rate);
        };
    }

    String remaining(Duration left) {
        long seconds = Math.max(1, Math.round(left.toMillis() / 1000.0));
        return seconds < 60 ? messages.get("dashboard.eta.seconds", seconds)
                : messages.get("dashboard.eta.minutes", seconds / 60, seconds % 60);
    }

    /** The run's status as recorded, for a run that is not training in this window. */
    String status(Run run) {
        String why = run.message() == null ? "" : run.message();
        return switch (run.status()) {
            case CREATED -> messages.get("dashboard.status.created");
            case RUNNING -> messages.get("dashboard.status.interrupted");
            case COMPLETED -> messages.get("dashboard.status.completed");
            case CANCELLED -> why.isEmpty() ? messages.get("dashboard.status.cancelled")
                    : messages.get("dashboard.status.cancelledBecause", why);
            case FAILED -> messages.get("dashboard.status.failed", why);
        };
    }
}
