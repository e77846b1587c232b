package org.spinworkbench.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GeneratorTest {
    private static final int PAD = 0;
    private static final int EOS = 2;
    private static LlamaModel model;

    @BeforeAll
    static void createModel() {
        model = TinyModels.create(TinyModels.llamaConfig(), 7);
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    private static final List<int[]> PROMPTS = List.of(
            new int[] {5, 17, 33, 9, 41, 12, 60},
            new int[] {70},
            new int[] {3, 3, 3, 44});

    /** Greedy continuation recomputing the whole sequence each step: no cache, no padding. */
    private static int[] greedyWithoutCache(int[] prompt, int newTokens) {
        JniUtils.setGradMode(false);
        List<Integer> sequence = new ArrayList<>();
        for (int token : prompt) {
            sequence.add(token);
        }
        int[] out = new int[newTokens];
        try (NDManager work = model.manager().newSubManager()) {
            for (int step = 0; step < newTokens; step++) {
                try (NDScope scope = new NDScope()) {
                    int length = sequence.size();
                    long[] ids = sequence.stream().mapToLong(Integer::longValue).toArray();
                    long[] positions = new long[length];
                    long[] mask = new long[length];
                    for (int i = 0; i < length; i++) {
                        positions[i] = i;
                        mask[i] = 1;
                    }
                    NDArray hidden = model.forward(work.create(ids, new Shape(1, length)),
                            work.create(positions, new Shape(1, length)), work.create(mask, new Shape(1, length)), null);
                    NDArray logits = model.logits(hidden.get(":, {}:, :", length - 1));
                    out[step] = (int) logits.argMax(2).toLongArray()[0];
                }
                sequence.add(out[step]);
            }
        }
        return out;
    }

    @Test
    void theKvCacheGivesTheSameGreedyTokensAsRecomputingWithoutIt() {
        Generator generator = new Generator(model, Set.of(EOS), PAD);
        SamplingOptions options = SamplingOptions.greedy(12).withoutEosStop();
        for (int[] prompt : PROMPTS) {
            int[] cached = generator.generate(List.of(prompt), options, 0).get(0).tokens();
            assertArrayEquals(greedyWithoutCache(prompt, 12), cached);
        }
    }

    @Test
    void leftPaddedBatchesGiveEachPromptsOwnContinuation() {
        Generator generator = new Generator(model, Set.of(EOS), PAD);
        SamplingOptions options = SamplingOptions.greedy(10).withoutEosStop();
        List<GeneratedTokens> batched = generator.generate(PROMPTS, options, 0);
        for (int i = 0; i < PROMPTS.size(); i++) {
            int[] alone = generator.generate(List.of(PROMPTS.get(i)), options, i).get(0).tokens();
            assertArrayEquals(alone, batched.get(i).tokens(), "prompt " + i);
            assertEquals(10, alone.length);
        }
    }

    @Test
    void generationStopsAtEndOfSequenceWithoutEmittingIt() {
        int[] free = new Generator(model, Set.of(), PAD)
                .generate(List.of(PROMPTS.get(0)), SamplingOptions.greedy(12), 0).get(0).tokens();
        int stopToken = free[3];
        GeneratedTokens stopped = new Generator(model, Set.of(stopToken), PAD)
                .generate(List.of(PROMPTS.get(0)), SamplingOptions.greedy(12), 0).get(0);
        assertTrue(stopped.stoppedAtEos());
        int firstStop = 0;
        while (free[firstStop] != stopToken) {
            firstStop++;
        }
        assertEquals(firstStop, stopped.tokens().length);
        for (int i = 0; i < firstStop; i++) {
            assertEquals(free[i], stopped.tokens()[i]);
        }
        assertFalse(new Generator(model, Set.of(), PAD)
                .generate(List.of(PROMPTS.get(0)), SamplingOptions.greedy(5), 0).get(0).stoppedAtEos());
    }

    @Test
    void rowsThatStopEarlyLeaveTheBatchWithoutChangingTheOthers() {
        for (SamplingOptions options : List.of(SamplingOptions.greedy(12), new SamplingOptions(12, 1.3, 0, 1.0, 7,
                true))) {
            int[] free = new Generator(model, Set.of(), PAD).generate(List.of(PROMPTS.get(0)), options, 0).get(0)
                    .tokens();
            Generator stopping = new Generator(model, Set.of(free[2]), PAD); // prompt 0 stops by its third token
            List<GeneratedTokens> batched = stopping.generate(PROMPTS, options, 0);
            for (int i = 0; i < PROMPTS.size(); i++) {
                GeneratedTokens alone = stopping.generate(List.of(PROMPTS.get(i)), options, i).get(0);
                assertArrayEquals(alone.tokens(), batched.get(i).tokens(), "prompt " + i);
                assertEquals(alone.stoppedAtEos(), batched.get(i).stoppedAtEos());
            }
            assertTrue(batched.stream().anyMatch(GeneratedTokens::stoppedAtEos), "a row stopped early");
            assertTrue(batched.stream().anyMatch(g -> g.tokens().length == 12), "a row ran to the end");
        }
    }

    @Test
    void samplingIsReproducibleForASeedAndIndependentOfBatching() {
        Generator generator = new Generator(model, Set.of(), PAD);
        SamplingOptions seeded = new SamplingOptions(16, 1.3, 0, 1.0, 1234, false);
        List<GeneratedTokens> first = generator.generate(PROMPTS, seeded, 0);
        List<GeneratedTokens> again = generator.generate(PROMPTS, seeded, 0);
        for (int i = 0; i < PROMPTS.size(); i++) {
            assertArrayEquals(first.get(i).tokens(), again.get(i).tokens());
            assertArrayEquals(first.get(i).tokens(),
                    generator.generate(List.of(PROMPTS.get(i)), seeded, i).get(0).tokens(), "prompt " + i);
        }
        List<GeneratedTokens> otherSeed = generator.generate(PROMPTS,
                new SamplingOptions(16, 1.3, 0, 1.0, 99, false), 0);
        assertNotEquals(List.of(first.get(0).tokens()[0], first.get(0).tokens()[1], first.get(0).tokens()[2],
                        first.get(1).tokens()[0], first.get(1).tokens()[1]),
                List.of(otherSeed.get(0).tokens()[0], otherSeed.get(0).tokens()[1], otherSeed.get(0).tokens()[2],
                        otherSeed.get(1).tokens()[0], otherSeed.get(1).tokens()[1]));
    }

    @Test
    void topKOfOneIsGreedy() {
        Generator generator = new Generator(model, Set.of(), PAD);
        List<GeneratedTokens> greedy = generator.generate(PROMPTS, SamplingOptions.greedy(8), 0);
        List<GeneratedTokens> topOne = generator.generate(PROMPTS, new SamplingOptions(8, 0.8, 1, 1.0, 5, true), 0);
        for (int i = 0; i < PROMPTS.size(); i++) {
            assertArrayEquals(greedy.get(i).tokens(), topOne.get(i).tokens());
        }
    }

    @Test
    void anEmptyPromptIsRefused() {
        Generator generator = new Generator(model, Set.of(), PAD);
        assertThrows(IllegalArgumentException.class,
                () -> generator.generate(List.of(new int[0]), SamplingOptions.greedy(3), 0));
    }
}
