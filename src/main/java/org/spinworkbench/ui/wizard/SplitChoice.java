package org.spinworkbench.ui.wizard;

/** How the examples a run evaluates on are chosen. */
public enum SplitChoice {
    /** A share of the dataset, chosen by a seeded shuffle. */
    FRACTION,
    /** A number of examples of the dataset, chosen by a seeded shuffle. */
    SIZE,
    /** A separate evaluation file; the whole dataset trains. */
    EVAL_FILE
}
