package org.spinworkbench.lm.hf;

/** A prompt's generated continuation: its text, its token ids, and whether it ended by itself. */
public record Completion(String prompt, String text, int[] tokenIds, boolean stoppedAtEos) {
}
