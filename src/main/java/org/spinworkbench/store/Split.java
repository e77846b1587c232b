package org.spinworkbench.store;

/** Which part of the dataset a prompt came from: trained on, or held out for evaluation. */
public enum Split {
    TRAIN,
    EVAL
}
