package org.spinworkbench.store;

/**
 * One prompt of one iteration: the dataset's real response beside the model's own synthetic
 * one, which training learns to tell apart. Identified by iteration, split and the prompt's
 * index in the dataset, so the same prompt can be followed across iterations. Token counts
 * are null when not known.
 */
public record Sample(long iterationId, Split split, int exampleIndex, String prompt, String realResponse,
                     String syntheticResponse, Integer realTokens, Integer syntheticTokens,
                     SampleScores scores) {
}
