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

    /** Where a pair stands in its iteration's data: held out or not, and its index among those examples. */
    public record Place(boolean eval, int exampleIndex) {
    }

    /** A pair as text: the prompt as shown, the real response and the synthetic one. */
    public record Texts(String prompt, String real, String synthetic) {
    }

    /** A pair tokenised and truncated for training, with no log-probs yet. */
    public static ScoredPair unscored(Place place, Texts texts, int[] promptTokens, int[] realTokens,
                                      int[] syntheticTokens) {
        return new ScoredPair(place.eval(), place.exampleIndex(), texts.prompt(), texts.real(), texts.synthetic(),
                promptTokens, realTokens, syntheticTokens, 0, 0, null, null);
    }

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
