package org.spinworkbench.lm;

/** The tokens generated after one prompt; the end-of-sequence token itself is not included. */
public record GeneratedTokens(int[] tokens, boolean stoppedAtEos) {
}
