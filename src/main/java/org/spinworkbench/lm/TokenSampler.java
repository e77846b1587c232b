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
        int[] order = byLogitDescending(logits, offset, vocabulary);
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

    /**
     * Token ids by logit, highest first, ties by id: the order of a stable sort with
     * {@code Float.compare}, from one sort of primitive keys (logit bits flipped to sort
     * descending in the high half, the id in the low half) instead of boxed ids and a
     * comparator, which cost tens of milliseconds a token at a 152 k vocabulary.
     */
    static int[] byLogitDescending(float[] logits, int offset, int vocabulary) {
        long[] keys = new long[vocabulary];
        for (int i = 0; i < vocabulary; i++) {
            int bits = Float.floatToIntBits(logits[offset + i]);
            int ascending = bits ^ ((bits >> 31) & 0x7fffffff); // the int order of Float.compare
            keys[i] = ((long) ~ascending << 32) | i;
        }
        Arrays.sort(keys);
        int[] order = new int[vocabulary];
        for (int i = 0; i < vocabulary; i++) {
            order[i] = (int) keys[i];
        }
        return order;
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
