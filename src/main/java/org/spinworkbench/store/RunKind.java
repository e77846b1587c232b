package org.spinworkbench.store;

/** What a run trains: self-play iterations, or the continued-SFT control arm on the same budget. */
public enum RunKind {
    SPIN,
    SFT
}
