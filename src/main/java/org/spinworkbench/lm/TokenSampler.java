package org.spinworkbench.lm;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Picks a token from one row of logits with temperature, top-k and top-p, on the Java side
 * (libtorch's multinomial is not exposed by DJL). One sampler per sequence, seeded from the
 * run's seed and the sequence's index, so a prompt's sample does not depend on its batch.
 */
final class TokenSampler {
    private final SamplingOptions options;
    private final SplittableRandom random;

    TokenSampler(SamplingOptions options, long sequenceIndex) {
        this.options = options;
        this.random = new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L + sequenceIndex);
    }

    int sample(float[] logits, int offset, int vocabulary) {
        if (options.greedy()) {
            return argMax(logits, offset, vocabulary);
        }
        Integer[] order = new Integer[vocabulary];
        for (int i = 0; i < vocabulary; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(logits[offset + b], logits[offset + a]));
        int kept = options.topK() > 0 ? Math.min(options.topK(), vocabulary) : vocabulary;

        double max = logits[offset + order[0]] / options.temperature();
        double[] probabilities = new double[kept];
        double total = 0;
        for (int i = 0; i < kept; i++) {
            probabilities[i] = Math.exp(logits[offset + order[i]] / options.temperature() - max);
            total += probabilities[i];
        }
        double cumulative = 0;
        int nucleus = kept;
        for (int i = 0; i < kept; i++) {
            cumulative += probabilities[i] / total;
            if (cumulative >= options.topP()) {
                nucleus = i + 1;
                break;
            }
        }
        double mass = 0;
        for (int i = 0; i < nucleus; i++) {
            mass += probabilities[i];
        }
        double target = random.nextDouble() * mass;
        for (int i = 0; i < nucleus; i++) {
            target -= probabilities[i];
            if (target < 0) {
                return order[i];
            }
        }
        return order[nucleus - 1];
    }

    boolean greedy() {
        return options.greedy();
    }

    static int argMax(float[] values, int offset, int length) {
        int best = 0;
        for (int i = 1; i < length; i++) {
            if (values[offset + i] > values[offset + best]) {
                best = i;
            }
        }
        return best;
    }
}
