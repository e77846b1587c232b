package org.spinworkbench.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScorerTest {
    private static LlamaModel model;

    @BeforeAll
    static void createModel() {
        model = TinyModels.create(TinyModels.llamaConfig(), 11);
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    private static final List<int[]> PROMPTS = List.of(new int[] {4, 8, 15}, new int[] {16}, new int[] {23, 42, 7, 7, 9});
    private static final List<int[]> RESPONSES = List.of(new int[] {16, 23, 42, 2}, new int[] {5, 6}, new int[] {11});

    /** log-softmax done in Java over the logits of the whole unpadded sequence. */
    private static double expected(int[] prompt, int[] response) {
        JniUtils.setGradMode(false);
        int length = prompt.length + response.length;
        long[] ids = new long[length];
        long[] positions = new long[length];
        long[] mask = new long[length];
        for (int i = 0; i < length; i++) {
            ids[i] = i < prompt.length ? prompt[i] : response[i - prompt.length];
            positions[i] = i;
            mask[i] = 1;
        }
        try (NDManager work = model.manager().newSubManager(); NDScope scope = new NDScope()) {
            NDArray hidden = model.forward(work.create(ids, new Shape(1, length)),
                    work.create(positions, new Shape(1, length)), work.create(mask, new Shape(1, length)), null);
            float[] logits = model.logits(hidden).toFloatArray();
            int vocabulary = model.config().vocabSize();
            double sum = 0;
            for (int t = prompt.length - 1; t < length - 1; t++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int v = 0; v < vocabulary; v++) {
                    max = Math.max(max, logits[t * vocabulary + v]);
                }
                double total = 0;
                for (int v = 0; v < vocabulary; v++) {
                    total += Math.exp(logits[t * vocabulary + v] - max);
                }
                sum += logits[t * vocabulary + (int) ids[t + 1]] - max - Math.log(total);
            }
            return sum;
        }
    }

    @Test
    void aPaddedBatchScoresEachResponseAsIfAlone() {
        double[] batched = new Scorer(model, 0).score(PROMPTS, RESPONSES);
        for (int i = 0; i < PROMPTS.size(); i++) {
            double reference = expected(PROMPTS.get(i), RESPONSES.get(i));
            assertEquals(reference, batched[i], 1e-4, "sequence " + i);
            assertTrue(reference < 0);
        }
    }

    @Test
    void scoringInChunksOfOnePositionGivesTheSameSums() {
        double[] whole = new Scorer(model, 0, 1000).score(PROMPTS, RESPONSES);
        double[] chunked = new Scorer(model, 0, 1).score(PROMPTS, RESPONSES);
        assertEquals(7, Arrays.stream(RESPONSES.toArray(int[][]::new)).mapToInt(r -> r.length).sum(),
                "seven chunks of one position");
        assertArrayEquals(whole, chunked, 1e-6);
        assertEquals(256 * 1024, Scorer.chunkRows(256), "64 M logits a chunk");
        assertEquals(441, Scorer.chunkRows(151_936));
    }

    @Test
    void anEmptyResponseHasLogProbabilityZero() {
        double[] scores = new Scorer(model, 0).score(List.of(new int[] {3, 4}, new int[] {5}),
                List.of(new int[0], new int[] {6}));
        assertEquals(0.0, scores[0], 0.0);
        assertEquals(expected(new int[] {5}, new int[] {6}), scores[1], 1e-4);
    }

    /**
     * The target ids a chunk gathers by live in Java's memory (DJL hands PyTorch the buffer it
     * created them in). They must outlive the chunk's scope until backward has read them: freed
     * with the scope, the garbage collector returned their memory, new buffers overwrote it, and
     * backward read random ids ("index 140469779712144 is out of bounds for dimension 1").
     */
    @Test
    void backwardReadsTheTargetIdsAfterTheChunksScopeClosedAndMemoryWasReused() throws Exception {
        double[] expected = gradientSum(false);
        for (int attempt = 0; attempt < 5; attempt++) {
            assertEquals(expected[0], gradientSum(true)[0], 1e-6 * Math.max(1, Math.abs(expected[0])));
        }
    }

    /** The summed gradient of every weight after a backward through one-position chunks. */
    private static double[] gradientSum(boolean churnMemory) throws Exception {
        List<NDArray> weights = List.copyOf(model.weights().values());
        weights.forEach(w -> w.setRequiresGradient(true));
        weights.forEach(w -> JniUtils.zeroGrad((PtNDArray) w)); // no earlier call's gradient
        try (NDManager work = model.manager().newSubManager(); NDScope scope = new NDScope();
             GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray sums = new Scorer(model, 0, 1).responseLogProbs(PROMPTS, RESPONSES, work);
            if (churnMemory) {
                churn();
            }
            collector.backward(sums.sum());
            double total = 0;
            for (NDArray weight : weights) {
                total += weight.getGradient().abs().sum().getFloat();
            }
            return new double[] {total};
        } finally {
            weights.forEach(w -> w.setRequiresGradient(false));
        }
    }

    /** Lets the collector free what nothing refers to, then fills fresh direct buffers with garbage. */
    private static void churn() throws InterruptedException {
        List<ByteBuffer> filler = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            System.gc();
            Thread.sleep(50);
            for (int i = 0; i < 200; i++) {
                ByteBuffer buffer = ByteBuffer.allocateDirect(8 * (1 + i % 8));
                while (buffer.hasRemaining()) {
                    buffer.put((byte) 0x7F);
                }
                filler.add(buffer);
            }
        }
    }
}
