package org.spinworkbench.ui.compare;

import java.util.Objects;
import org.spinworkbench.store.Sample;
import org.spinworkbench.store.SampleScores;

/**
 * A prompt as the compare view lists it: its sample at the shown iteration and, to tell what
 * changed, the synthetic response the previous iteration gave it.
 *
 * @param previousSynthetic null at the first iteration, or when the previous one has no such prompt
 */
public record PromptRow(Sample sample, String previousSynthetic) {
    public PromptRow {
        Objects.requireNonNull(sample, "sample");
    }

    public int exampleIndex() {
        return sample.exampleIndex();
    }

    /** Real reward minus synthetic reward, the quantity SPIN pushes up; null until both are computed. */
    public Double margin() {
        SampleScores scores = sample.scores();
        if (scores.rewardReal() == null || scores.rewardSynthetic() == null) {
            return null;
        }
        return scores.rewardReal() - scores.rewardSynthetic();
    }

    /** Whether the model's answer differs from the one it gave the iteration before. */
    public boolean changedSincePrevious() {
        return previousSynthetic != null && !previousSynthetic.equals(synthetic());
    }

    /** Whether the model reproduced the real response (ignoring surrounding white space). */
    public boolean syntheticEqualsReal() {
        return synthetic().strip().equals(real().strip());
    }

    /** The synthetic response's length in tokens, or in characters when its token count is not stored. */
    public int syntheticLength() {
        Integer tokens = sample.syntheticTokens();
        return tokens != null ? tokens : synthetic().length();
    }

    public String prompt() {
        return nonNull(sample.prompt());
    }

    public String real() {
        return nonNull(sample.realResponse());
    }

    public String synthetic() {
        return nonNull(sample.syntheticResponse());
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
