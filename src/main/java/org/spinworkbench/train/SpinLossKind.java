package org.spinworkbench.train;

/** The SPIN objective of the margin βh: −log σ(βh) (the paper's logistic loss) or max(0, 1 − βh). */
public enum SpinLossKind { SIGMOID, HINGE }
