package org.spinworkbench.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Two responses to one prompt scored in one row whose prompt they share: the same log-probs
 * and the same gradients as the two prompt + response sequences scored apart, and neither
 * response sees the other.
 */
class SharedPromptScoringTest {
    /** Qwen2's layout: grouped-query attention, q/k/v biases, tied embedding. */
    private static final ModelConfig QWEN = ModelConfig.builder("Qwen2ForCausalLM").setVocabSize(60).setWidths(32, 48)
            .setLayers(2).setHeads(4, 2).optHeadDim(8).setMaxPositionEmbeddings(64).optTieWordEmbeddings(true)
            .optAttentionBias(true).optSpecialTokens(1, List.of(2)).optTorchDtype("float32").build();

    // rows of different lengths; an empty first response, an empty second one, a one-token prompt
    private static final List<int[]> PROMPTS = List.of(new int[] {4, 8, 15}, new int[] {16},
            new int[] {23, 42, 7, 7, 9}, new int[] {30, 31});
    private static final List<int[]> FIRSTS = List.of(new int[] {16, 23, 42, 2}, new int[] {5, 6}, new int[0],
            new int[] {12, 13, 14});
    private static final List<int[]> SECONDS = List.of(new int[] {3, 3, 50}, new int[] {44, 45, 46, 47, 48},
            new int[] {11}, new int[0]);

    @Test
    void theBatchPlacesBothResponsesAfterTheirPromptOnTheirOwnBranches() {
        SharedPromptBatch batch = SharedPromptBatch.of(List.of(new int[] {7, 8}, new int[] {9}),
                List.of(new int[] {10}, new int[] {11, 12}), List.of(new int[] {13, 14}, new int[0]), 0);
        assertEquals(5, batch.length());
        assertArrayEquals(new long[] {7, 8, 10, 13, 14, 9, 11, 12, 0, 0}, batch.ids());
        assertArrayEquals(new long[] {1, 1, 1, 1, 1, 1, 1, 1, 0, 0}, batch.mask());
        assertArrayEquals(new long[] {0, 1, 2, 2, 3, 0, 1, 2, 2, 2}, batch.positions(), "both responses follow the prompt");
        assertArrayEquals(new long[] {0, 0, 1, 2, 2, 0, 1, 1, 0, 0}, batch.branches());
        assertThrows(IllegalArgumentException.class, () -> SharedPromptBatch.of(List.of(new int[] {1}),
                List.of(new int[] {2}), List.of(), 0));
    }

    @Test
    void bothResponsesGetTheLogProbsTheyGetScoredApart() {
        for (ModelConfig config : List.of(QWEN, TinyModels.llamaConfig())) {
            try (LlamaModel model = TinyModels.create(config, 5)) {
                Scorer scorer = new Scorer(model, 0);
                double[] shared = scorer.scorePairs(PROMPTS, FIRSTS, SECONDS);
                double[] apart = scorer.score(twice(PROMPTS), concat(FIRSTS, SECONDS));
                assertEquals(2 * PROMPTS.size(), shared.length);
                for (int i = 0; i < apart.length; i++) {
                    assertEquals(apart[i], shared[i], 1e-5 * Math.max(1, Math.abs(apart[i])),
                            config.architecture() + " row " + i);
                }
                assertEquals(0.0, shared[2], 0.0, "an empty response has log-probability 0");
                assertTrue(shared[0] < -1 && shared[5] < -1, "real sums, not zeros: " + shared[0] + ", " + shared[5]);
            }
        }
    }

    @Test
    void aShortPromptBeforeLongResponsesIsScoredApartAndGetsTheSameSums() throws Exception {
        ModelConfig smol = ModelConfig.read(Path.of("sample-data/configs/smollm2-135m.json"));
        // SmolLM2-135M's shape: a quarter of 128 tokens shared saves more than attention over 224 positions costs
        assertTrue(Scorer.sharingPays(smol, List.of(new int[32]), List.of(new int[96]), List.of(new int[96])));
        // 32 prompt tokens before two 480-token responses: attention over 992 positions costs more than it saves
        assertFalse(Scorer.sharingPays(smol, List.of(new int[32]), List.of(new int[480]), List.of(new int[480])));
        assertTrue(Scorer.sharingPays(QWEN, PROMPTS, FIRSTS, SECONDS), "the other tests score shared prompts");

        List<int[]> prompt = List.of(new int[] {9});
        List<int[]> first = List.of(new Random(1).ints(40, 3, 60).toArray());
        List<int[]> second = List.of(new Random(2).ints(40, 3, 60).toArray());
        assertFalse(Scorer.sharingPays(QWEN, prompt, first, second));
        try (LlamaModel model = TinyModels.create(QWEN, 5)) {
            Scorer scorer = new Scorer(model, 0);
            assertArrayEquals(scorer.score(twice(prompt), concat(first, second)), scorer.scorePairs(prompt, first, second),
                    0.0);
        }
    }

    @Test
    void theSecondResponseDoesNotSeeTheFirst() {
        try (LlamaModel model = TinyModels.create(QWEN, 5)) {
            Scorer scorer = new Scorer(model, 0);
            double[] before = scorer.scorePairs(PROMPTS, FIRSTS, SECONDS);
            List<int[]> otherFirsts = new ArrayList<>();
            for (int[] first : FIRSTS) {
                int[] other = first.clone();
                for (int i = 0; i < other.length; i++) {
                    other[i] = 59 - other[i]; // other tokens, same lengths
                }
                otherFirsts.add(other);
            }
            double[] after = scorer.scorePairs(PROMPTS, otherFirsts, SECONDS);
            for (int row = 0; row < PROMPTS.size(); row++) {
                if (FIRSTS.get(row).length > 0) {
                    assertNotEquals(before[row], after[row], "the first response's own score changes, row " + row);
                }
                int second = PROMPTS.size() + row;
                assertEquals(before[second], after[second], 0.0, "the second response's score, row " + row);
            }
        }
    }

    @Test
    void gradientsAreThoseOfScoringApartWithAndWithoutCheckpointing() {
        Map<String, float[]> apart = gradients(false, (scorer, work) -> scorer.responseLogProbs(twice(PROMPTS),
                concat(FIRSTS, SECONDS), work));
        for (boolean checkpointing : new boolean[] {false, true}) {
            Map<String, float[]> shared = gradients(checkpointing,
                    (scorer, work) -> scorer.pairLogProbs(PROMPTS, FIRSTS, SECONDS, work));
            assertEquals(apart.keySet(), shared.keySet());
            for (String name : apart.keySet()) {
                float[] expected = apart.get(name);
                float[] actual = shared.get(name);
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], actual[i], 1e-5 + 1e-4 * Math.abs(expected[i]),
                            name + "[" + i + "], checkpointing " + checkpointing);
                }
            }
        }
    }

    /** Every weight's gradient of Σ w_i · log p_i, with weights that differ row by row. */
    private static Map<String, float[]> gradients(boolean checkpointing,
                                                  BiFunction<Scorer, NDManager, NDArray> logProbs) {
        try (LlamaModel model = TinyModels.create(QWEN, 5)) {
            model.weights().values().forEach(w -> w.setRequiresGradient(true));
            model.weights().values().forEach(w -> JniUtils.zeroGrad((PtNDArray) w));
            model.setGradientCheckpointing(checkpointing);
            JniUtils.setGradMode(true);
            try (NDManager work = model.manager().newSubManager(); NDScope scope = new NDScope();
                 GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray sums = logProbs.apply(new Scorer(model, 0), work);                        // (2B)
                NDArray rowWeights = work.arange(1f, 1f + sums.getShape().get(0));                   // 1, 2, …, 2B
                collector.backward(sums.mul(rowWeights).sum());
                model.backwardThroughBlocks(collector);
                Map<String, float[]> gradients = new TreeMap<>();
                model.weights().forEach((name, weight) -> gradients.put(name, weight.getGradient().toFloatArray()));
                return gradients;
            } finally {
                JniUtils.setGradMode(false);
            }
        }
    }

    private static List<int[]> twice(List<int[]> prompts) {
        return concat(prompts, prompts);
    }

    private static List<int[]> concat(List<int[]> first, List<int[]> second) {
        List<int[]> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
