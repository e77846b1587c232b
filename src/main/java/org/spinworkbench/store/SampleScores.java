package org.spinworkbench.store;

/**
 * A sample's log-probs and rewards, each null until computed. Log-probs are sums over
 * response tokens only; {@code ref*} are under the frozen opponent (model t-1), computed once
 * before training, {@code policy*} under the trained model t, and rewards are
 * β·(policy − ref). A NaN is stored as "not computed": SQLite has no NaN.
 */
public record SampleScores(Double refLogpReal, Double refLogpSynthetic, Double policyLogpReal,
                           Double policyLogpSynthetic, Double rewardReal, Double rewardSynthetic) {
    /** Nothing computed yet: how a sample is stored right after generation. */
    public static final SampleScores NONE = new SampleScores(null, null, null, null, null, null);

    /** The reference log-probs, computed before training starts. */
    public static SampleScores reference(double real, double synthetic) {
        return new SampleScores(real, synthetic, null, null, null, null);
    }
}
