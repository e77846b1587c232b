package org.spinworkbench.lm.hf;

/** log p(response | prompt), summed over the response's tokens, and how many there were. */
public record ResponseScore(double logp, int tokens) {
}
