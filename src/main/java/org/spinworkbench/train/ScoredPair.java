package org.spinworkbench.train;

/**
 * One prompt of one iteration: the real response beside the model's own synthetic one, as
 * text and as the token ids trained on (both responses through the same chat template, then
 * truncated), with their log-probs under the frozen opponent (reference) and, once trained,
 * under the new model (policy). Log-probs sum over response tokens only.
 */
public record ScoredPair(
        boolean eval,
        int exampleIndex,
        String prompt,
        String realResponse,
        String syntheticResponse,
        int[] promptTokens,
        int[] realTokens,
        int[] syntheticTokens,
        double referenceReal,
        double referenceSynthetic,
        Double policyReal,
        Double policySynthetic) {

    /** This pair with the reference log-probs of its two responses, and no policy log-probs yet. */
    public ScoredPair withReference(double real, double synthetic) {
        return new ScoredPair(eval, exampleIndex, prompt, realResponse, syntheticResponse, promptTokens, realTokens,
                syntheticTokens, real, synthetic, null, null);
    }

    public ScoredPair withPolicy(double real, double synthetic) {
        return new ScoredPair(eval, exampleIndex, prompt, realResponse, syntheticResponse, promptTokens, realTokens,
                syntheticTokens, referenceReal, referenceSynthetic, real, synthetic);
    }

    /** β (log π − log π_ref) of the real response; null before training. */
    public Double rewardReal(double beta) {
        return policyReal == null ? null : beta * (policyReal - referenceReal);
    }

    public Double rewardSynthetic(double beta) {
        return policySynthetic == null ? null : beta * (policySynthetic - referenceSynthetic);
    }
}
