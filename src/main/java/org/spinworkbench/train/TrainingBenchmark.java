package org.spinworkbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.spinworkbench.lm.LlamaModel;
import org.spinworkbench.lm.ModelConfig;
import org.spinworkbench.lm.Scorer;
import org.spinworkbench.lm.Timing;

/**
 * How fast this machine trains a model with SPIN, against what it could do: the dense fp32
 * matrix-multiply ceiling measured here, and the FLOPs of a training step (≈ 6 × parameters
 * × tokens for the weights, plus 12 × layers × T × hidden-of-attention per token for
 * attention, forward and backward). With a LoRA adapter attached only the adapter trains,
 * and the base's weight gradients are not computed: ≈ 4 × parameters × tokens.
 */
public final class TrainingBenchmark {
    /** Tokens a benchmark sequence needs: its first quarter is the prompt, the rest the response, both non-empty. */
    public static final int FEWEST_SEQUENCE_TOKENS = 4;
    /**
     * The step timed: {@code pairs} pairs of {@code tokensPerSequence} tokens a sequence, in
     * micro-batches of {@code microBatchPairs} pairs whose gradients are accumulated (0: one
     * micro-batch of every pair).
     */
    public record Step(int pairs, int tokensPerSequence, int microBatchPairs) {
        public Step {
            if (pairs < 1 || tokensPerSequence < FEWEST_SEQUENCE_TOKENS || microBatchPairs < 0) {
                throw new IllegalArgumentException("a step needs pairs >= 1, tokens >= " + FEWEST_SEQUENCE_TOKENS
                        + " and micro-batch pairs >= 0,"
                        + " found " + pairs + ", " + tokensPerSequence + ", " + microBatchPairs);
            }
        }

        int pairsPerMicroBatch() {
            return microBatchPairs == 0 ? pairs : Math.min(pairs, microBatchPairs);
        }
    }

    /** One SPIN step's throughput and its share of the matmul ceiling. */
    public record Result(int pairs, int microBatchPairs, double secondsPerStep, double tokensPerSecond,
                         double gflopsPerSecond, double ceilingGflopsPerSecond) {
        public double shareOfCeiling() {
            return gflopsPerSecond / ceilingGflopsPerSecond;
        }
    }

    private TrainingBenchmark() {
    }

    /**
     * Fewest timed products behind the ceiling: one product of 1,024² takes milliseconds, and
     * on a shared machine a single one moved the ceiling by half from run to run.
     */
    static final int CEILING_SAMPLES = 25;

    /** Median GFLOP/s of an n × n by n × n fp32 matrix product, over at least {@value #CEILING_SAMPLES} timed products. */
    public static double matmulCeiling(NDManager manager, int n, int repeats) {
        JniUtils.setGradMode(false);
        try (NDManager work = manager.newSubManager()) {
            NDArray a = work.randomUniform(-1, 1, new Shape(n, n), DataType.FLOAT32);
            NDArray b = work.randomUniform(-1, 1, new Shape(n, n), DataType.FLOAT32);
            double seconds = Timing.median(Math.max(repeats, CEILING_SAMPLES), () -> {
                try (NDArray c = a.matMul(b)) {
                    c.getFloat(0, 0); // wait for the result
                }
            });
            return 2.0 * n * n * n / seconds / 1e9;
        }
    }

    /**
     * Times SPIN optimiser steps on random token pairs: {@code pairs} pairs whose prompt and
     * responses make {@code tokensPerSequence} tokens each; the model's weights are changed.
     */
    public static Result spinStep(LlamaModel model, int padId, Step step, int repeats, double ceiling) {
        ModelConfig config = model.config();
        int pairs = step.pairs();
        int tokensPerSequence = step.tokensPerSequence();
        int micro = step.pairsPerMicroBatch();
        int promptLength = tokensPerSequence / 4;
        List<ScoredPair> data = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < pairs; i++) {
            int[] prompt = random.ints(promptLength, 0, config.vocabSize()).toArray();
            int[] real = random.ints(tokensPerSequence - promptLength, 0, config.vocabSize()).toArray();
            int[] synthetic = random.ints(tokensPerSequence - promptLength, 0, config.vocabSize()).toArray();
            data.add(ScoredPair.unscored(new ScoredPair.Place(false, i), new ScoredPair.Texts("", "", ""), prompt, real,
                    synthetic).withReference(-50, -50));
        }
        Map<String, NDArray> trained = model.trainableWeights();
        trained.values().forEach(w -> w.setRequiresGradient(true));
        try (AdamW optimizer = new AdamW(trained, 0.0, 0.9, 0.999, 1e-8);
             SpinLoss loss = new SpinLoss(SpinLossKind.SIGMOID, 0.1, model.manager())) {
            TrainingObjective objective = new SpinObjective(new Scorer(model, padId), data, loss, 0.1, 0.0);
            Trainer trainer = new Trainer(model, optimizer, objective,
                    new Trainer.Settings(1, micro, (pairs + micro - 1) / micro, 1.0, 1),
                    LearningRateSchedule.constant(1e-5));
            double seconds = Timing.median(repeats, () -> {
                try (NDScope scope = new NDScope()) {
                    trainer.run(0, (done, total, metrics) -> { });
                }
            });
            long tokens = 2L * pairs * tokensPerSequence;
            double perParameter = model.adapter().isPresent() ? 4.0 : 6.0;
            double flops = tokens * (perParameter * config.parameterCount()
                    + 12.0 * config.numHiddenLayers() * config.numAttentionHeads() * config.headDim()
                    * tokensPerSequence / 2.0); // causal: half the T × T scores
            return new Result(pairs, micro, seconds, tokens / seconds, flops / seconds / 1e9, ceiling);
        } finally {
            trained.values().forEach(w -> w.setRequiresGradient(false));
        }
    }
}
