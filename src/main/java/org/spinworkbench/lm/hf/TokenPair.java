package org.spinworkbench.lm.hf;

/** A prompt and its response as token ids, ready for scoring or training. */
public record TokenPair(int[] prompt, int[] response) {
}
