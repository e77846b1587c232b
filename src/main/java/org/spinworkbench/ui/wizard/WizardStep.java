package org.spinworkbench.ui.wizard;

/** The wizard's pages, in order. */
public enum WizardStep {
    MODEL, DATASET, PARAMETERS, REVIEW, LAUNCH;

    WizardStep next() {
        return values()[Math.min(ordinal() + 1, values().length - 1)];
    }

    WizardStep previous() {
        return values()[Math.max(ordinal() - 1, 0)];
    }
}
