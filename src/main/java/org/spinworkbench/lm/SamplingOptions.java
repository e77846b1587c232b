package org.spinworkbench.lm;

/**
 * How to pick each next token. Temperature 0 is greedy; otherwise the logits are divided by
 * the temperature, cut to the top-k tokens (0: no cut) and to the smallest set whose
 * probability reaches top-p (1: no cut), and sampled. The seed makes sampling reproducible.
 */
public record SamplingOptions(int maxNewTokens, double temperature, int topK, double topP, long seed,
                              boolean stopAtEos) {
    public SamplingOptions {
        if (maxNewTokens < 0) {
            throw new IllegalArgumentException("max new tokens must be 0 or more, not " + maxNewTokens);
        }
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be 0 (greedy) or positive, not " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("top-k must be 0 (off) or positive, not " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top-p must be in (0, 1], not " + topP);
        }
    }

    public static SamplingOptions greedy(int maxNewTokens) {
        return new SamplingOptions(maxNewTokens, 0, 0, 1, 0, true);
    }

    public boolean greedy() {
        return temperature == 0;
    }

    public SamplingOptions withoutEosStop() {
        return new SamplingOptions(maxNewTokens, temperature, topK, topP, seed, false);
    }
}
