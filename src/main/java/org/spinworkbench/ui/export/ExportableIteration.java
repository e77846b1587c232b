package org.spinworkbench.ui.export;

import org.spinworkbench.store.Split;
import org.spinworkbench.ui.common.Messages;

/**
 * An iteration of the run and what of it can be exported: the model it trained (once the
 * iteration completed) and the pairs it trained and was evaluated on (once generated).
 */
record ExportableIteration(int iteration, boolean hasModel, int trainingPairs, int heldOutPairs) {
    boolean hasPairs() {
        return trainingPairs > 0 || heldOutPairs > 0;
    }

    /** The pairs of {@code which} split; 0 for no split. */
    int pairs(Split which) {
        return which == null ? 0 : which == Split.TRAIN ? trainingPairs : heldOutPairs;
    }

    /** "Iteration 2 — model, 9 + 3 pairs", as the iteration list shows it. */
    String describe(Messages messages) {
        if (!hasModel) {
            return messages.get("export.iteration.pairsOnly", iteration, trainingPairs, heldOutPairs);
        }
        return hasPairs() ? messages.get("export.iteration.both", iteration, trainingPairs, heldOutPairs)
                : messages.get("export.iteration.modelOnly", iteration);
    }
}
