package org.spinworkbench.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reference SPIN metrics of one batch, each a mean over its examples: rewards β(logπ −
 * logπ_ref) of the real and the generated responses, their margin (real − generated), the
 * share of examples whose real reward is above the generated one, and the policy log-probs.
 */
public record SpinMetrics(double rewardsReal, double rewardsGenerated, double rewardsMargins,
                          double rewardsAccuracies, double logpsReal, double logpsGenerated) {

    /**
     * By the reference names ({@code rewards/real}, {@code rewards/generated},
     * {@code rewards/margins}, {@code rewards/accuracies}, {@code logps/real},
     * {@code logps/generated}) with {@code prefix} in front: "" for training, "eval_" for
     * evaluation.
     */
    public Map<String, Double> asMap(String prefix) {
        Map<String, Double> named = new LinkedHashMap<>();
        named.put(prefix + "rewards/real", rewardsReal);
        named.put(prefix + "rewards/generated", rewardsGenerated);
        named.put(prefix + "rewards/margins", rewardsMargins);
        named.put(prefix + "rewards/accuracies", rewardsAccuracies);
        named.put(prefix + "logps/real", logpsReal);
        named.put(prefix + "logps/generated", logpsGenerated);
        return Collections.unmodifiableMap(named);
    }
}
