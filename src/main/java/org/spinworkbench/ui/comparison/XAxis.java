package org.spinworkbench.ui.comparison;

/** What the comparison chart runs along: optimiser steps from the start of the run, or self-play iterations. */
public enum XAxis {
    STEP,
    ITERATION
}
