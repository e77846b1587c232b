package org.spinworkbench.ui.export;

/**
 * An iteration of the run and what of it can be exported: the model it trained (once the
 * iteration completed) and the pairs it trained and was evaluated on (once generated).
 */
record ExportableIteration(int iteration, boolean hasModel, int trainingPairs, int heldOutPairs) {
    boolean hasPairs() {
        return trainingPairs > 0 || heldOutPairs > 0;
    }
}
