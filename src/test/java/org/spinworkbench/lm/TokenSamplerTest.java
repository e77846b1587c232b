package org.spinworkbench.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenSamplerTest {
    // probabilities at temperature 1: softmax(log p) = p
    private static final float[] LOGITS = {
        (float) Math.log(0.5), (float) Math.log(0.3), (float) Math.log(0.15), (float) Math.log(0.05)};

    private static int[] histogram(SamplingOptions options, int draws) {
        TokenSampler sampler = new TokenSampler(options, 0);
        int[] counts = new int[LOGITS.length];
        for (int i = 0; i < draws; i++) {
            counts[sampler.sample(LOGITS, 0, LOGITS.length)]++;
        }
        return counts;
    }

    @Test
    void samplesFollowTheSoftmaxAtTemperatureOne() {
        int[] counts = histogram(new SamplingOptions(1, 1.0, 0, 1.0, 42, true), 20_000);
        assertEquals(0.50, counts[0] / 20_000.0, 0.02);
        assertEquals(0.30, counts[1] / 20_000.0, 0.02);
        assertEquals(0.15, counts[2] / 20_000.0, 0.02);
        assertEquals(0.05, counts[3] / 20_000.0, 0.01);
    }

    @Test
    void topKKeepsOnlyTheKMostLikelyTokens() {
        int[] counts = histogram(new SamplingOptions(1, 1.0, 2, 1.0, 42, true), 10_000);
        assertEquals(0, counts[2] + counts[3]);
        assertEquals(0.5 / 0.8, counts[0] / 10_000.0, 0.03);
    }

    @Test
    void topPKeepsTheSmallestSetReachingP() {
        int[] counts = histogram(new SamplingOptions(1, 1.0, 0, 0.75, 42, true), 10_000);
        assertEquals(0, counts[2] + counts[3]); // 0.5 + 0.3 reaches 0.75
        assertTrue(counts[1] > 0);
    }

    @Test
    void lowTemperatureSharpensAndZeroIsGreedy() {
        int[] sharp = histogram(new SamplingOptions(1, 0.1, 0, 1.0, 42, true), 2_000);
        assertTrue(sharp[0] > 1_950, "0.5 vs 0.3 at T=0.1 is 0.994 vs 0.006");
        int[] greedy = histogram(SamplingOptions.greedy(1), 100);
        assertEquals(100, greedy[0]);
    }

    @Test
    void invalidOptionsAreRefusedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> new SamplingOptions(1, -1, 0, 1, 0, true));
        assertThrows(IllegalArgumentException.class, () -> new SamplingOptions(1, 1, -3, 1, 0, true));
        assertThrows(IllegalArgumentException.class, () -> new SamplingOptions(1, 1, 0, 0, 0, true));
        assertThrows(IllegalArgumentException.class, () -> new SamplingOptions(-1, 1, 0, 1, 0, true));
    }

    @Test
    void theOrderIsAStableSortByLogitWhateverTheValues() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        float[] logits = new float[5_003];
        float[] special = {0.0f, -0.0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN,
                Float.MIN_VALUE, -Float.MAX_VALUE};
        for (int i = 0; i < logits.length; i++) {
            logits[i] = i % 97 == 0 ? special[i % special.length]
                    : (float) Math.round(random.nextGaussian() * 40) / 8; // many ties
        }
        int offset = 3;
        int vocabulary = logits.length - offset;
        Integer[] boxed = new Integer[vocabulary];
        for (int i = 0; i < vocabulary; i++) {
            boxed[i] = i;
        }
        java.util.Arrays.sort(boxed, (a, b) -> Float.compare(logits[offset + b], logits[offset + a]));

        int[] order = TokenSampler.byLogitDescending(logits, offset, vocabulary);

        for (int i = 0; i < vocabulary; i++) {
            assertEquals(boxed[i].intValue(), order[i], "position " + i);
        }
    }
}
