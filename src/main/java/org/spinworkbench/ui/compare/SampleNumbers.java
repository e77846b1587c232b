package org.spinworkbench.ui.compare;

import java.util.Locale;
import org.spinworkbench.store.Sample;
import org.spinworkbench.store.SampleScores;

/**
 * A sample's scores as the compare view prints them: log-probs under the trained policy and
 * the frozen reference, rewards, the margin and token counts, each real then synthetic.
 * What the store does not hold (yet) reads "–".
 */
public record SampleNumbers(String policyReal, String policySynthetic, String referenceReal,
                            String referenceSynthetic, String rewardReal, String rewardSynthetic, String margin,
                            String realTokens, String syntheticTokens) {
    public static final String ABSENT = "–";
    /** Every number absent: no sample is chosen. */
    public static final SampleNumbers NONE = new SampleNumbers(ABSENT, ABSENT, ABSENT, ABSENT, ABSENT, ABSENT, ABSENT,
            ABSENT, ABSENT);

    public static SampleNumbers of(PromptRow row, Locale locale) {
        Sample sample = row.sample();
        SampleScores scores = sample.scores();
        return new SampleNumbers(logProb(scores.policyLogpReal(), locale), logProb(scores.policyLogpSynthetic(), locale),
                logProb(scores.refLogpReal(), locale), logProb(scores.refLogpSynthetic(), locale),
                reward(scores.rewardReal(), locale), reward(scores.rewardSynthetic(), locale),
                reward(row.margin(), locale), count(sample.realTokens()), count(sample.syntheticTokens()));
    }

    /** Summed log-probs run to hundreds: two decimals tell them apart. */
    static String logProb(Double value, Locale locale) {
        return value == null || value.isNaN() ? ABSENT : String.format(locale, "%.2f", value);
    }

    /** Rewards are β times a log-prob difference: small, so four decimals. */
    static String reward(Double value, Locale locale) {
        return value == null || value.isNaN() ? ABSENT : String.format(locale, "%.4f", value);
    }

    static String count(Integer value) {
        return value == null ? ABSENT : value.toString();
    }
}
