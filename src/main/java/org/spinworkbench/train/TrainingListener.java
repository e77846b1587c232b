package org.spinworkbench.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a run tells the outside world as it goes: the GUI, the command line and the
 * workspace store each subscribe. Called on the training thread: implementations hand
 * anything slow or UI-bound to their own threads.
 */
public interface TrainingListener {
    default void phaseStarted(int iteration, Phase phase) {
    }

    /** {@code done} of {@code total} units (prompts, pairs or steps) of the current phase. */
    default void progress(int iteration, Phase phase, int done, int total) {
    }

    /** Metrics of one optimiser step, under the reference names (loss, rewards/real, ...). */
    default void stepMetrics(int iteration, long step, Map<String, Double> metrics) {
    }

    /** The pairs of an iteration with their reference log-probs, once scored. */
    default void pairsScored(int iteration, List<ScoredPair> pairs) {
    }

    /** The same pairs after training, with the policy's log-probs and rewards filled in. */
    default void pairsRewarded(int iteration, List<ScoredPair> pairs) {
    }

    /** Held-out metrics of the model an iteration produced ({@code eval_} prefixed). */
    default void evaluated(int iteration, long step, Map<String, Double> metrics) {
    }

    default void checkpointSaved(int iteration, long step, Path folder) {
    }

    default void iterationFinished(int iteration) {
    }

    default void log(String message) {
    }

    TrainingListener NONE = new TrainingListener() {
    };
}
