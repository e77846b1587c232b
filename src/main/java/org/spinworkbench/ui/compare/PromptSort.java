package org.spinworkbench.ui.compare;

/** The orders the compare view lists prompts in. */
public enum PromptSort {
    /** As in the dataset. */
    DATASET,
    /** Lowest reward margin first: where the model's own answer still wins. */
    MARGIN_ASCENDING,
    /** Highest reward margin first. */
    MARGIN_DESCENDING,
    /** By prompt text, as the language sorts it. */
    PROMPT,
    /** Longest synthetic response first. */
    LENGTH
}
