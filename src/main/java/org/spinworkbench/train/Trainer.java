package org.spinworkbench.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.spinworkbench.lm.LlamaModel;

/**
 * The training loop SFT and SPIN share: seeded shuffles per epoch, micro-batches with
 * gradient accumulation, global-norm clipping, the learning-rate schedule, AdamW, and a
 * guard that stops before a NaN or infinite step is applied. The order of examples is a
 * function of the seed and the epoch only, so a run resumed at step k sees exactly the
 * batches an uninterrupted run would.
 */
final class Trainer {
    /** Per optimiser step: (B) examples per micro-batch, G micro-batches. */
    record Settings(int epochs, int batchSize, int gradientAccumulation, double maxGradNorm, long shuffleSeed) {
        int examplesPerStep() {
            return batchSize * gradientAccumulation;
        }
    }

    /** Told after every optimiser step; may save a checkpoint or stop the run. */
    interface StepObserver {
        void afterStep(long stepsDone, long totalSteps, Map<String, Double> metrics);
    }

    private final LlamaModel model;
    private final AdamW optimizer;
    private final TrainingObjective objective;
    private final Settings settings;
    private final LearningRateSchedule schedule;

    Trainer(LlamaModel model, AdamW optimizer, TrainingObjective objective, Settings settings,
            LearningRateSchedule schedule) {
        this.model = model;
        this.optimizer = optimizer;
        this.objective = objective;
        this.settings = settings;
        this.schedule = schedule;
    }

    long stepsPerEpoch() {
        return steps(objective.size(), settings.examplesPerStep(), 1);
    }

    long totalSteps() {
        return steps(objective.size(), settings.examplesPerStep(), settings.epochs());
    }

    /** Steps of {@code examplesPerStep} examples (the last one may have fewer) over {@code examples}, {@code epochs} times. */
    static long steps(int examples, int examplesPerStep, int epochs) {
        return (long) epochs * ((examples + examplesPerStep - 1) / examplesPerStep);
    }

    /** Runs the optimiser steps from {@code firstStep} (0, or where a checkpoint left off) to the end. */
    void run(long firstStep, StepObserver observer) {
        long perEpoch = stepsPerEpoch();
        long total = totalSteps();
        for (long step = firstStep; step < total; step++) {
            int epoch = (int) (step / perEpoch);
            List<Integer> order = order(epoch);
            int from = (int) ((step % perEpoch) * settings.examplesPerStep());
            int to = Math.min(order.size(), from + settings.examplesPerStep());
            Map<String, Double> metrics = step(order.subList(from, to), step);
            metrics.put("epoch", (double) (step + 1) / perEpoch);
            observer.afterStep(step + 1, total, metrics);
        }
    }

    private Map<String, Double> step(List<Integer> examples, long step) {
        MetricMeans means = new MetricMeans();
        double lossSum = 0;
        JniUtils.setGradMode(true); // per thread: this thread records graphs from here
        model.setTraining(true);
        // adapter dropout draws from torch's generator: seeded per step, a resumed run drops the same units
        model.seedDropout(settings.shuffleSeed() * 1_000_003L + step);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            for (int start = 0; start < examples.size(); start += settings.batchSize()) {
                List<Integer> micro = examples.subList(start, Math.min(examples.size(), start + settings.batchSize()));
                double share = (double) micro.size() / examples.size();
                try (NDManager work = model.manager().newSubManager(); NDScope scope = new NDScope()) {
                    TrainingObjective.Result result = objective.loss(micro, work);
                    float loss = result.loss().getFloat();
                    if (!Float.isFinite(loss)) {
                        throw diverged("the loss is " + loss, step);
                    }
                    // the mean over the whole step: each micro-batch's loss weighted by its share
                    NDArray weighted = result.loss().mul(work.full(new Shape(), (float) share)); // torch-owned constant
                    collector.backward(weighted);
                    model.backwardThroughBlocks(collector); // with gradient checkpointing: the blocks, recomputed
                    lossSum += loss * share;
                    means.add(result.metrics(), micro.size());
                }
            }
        } finally {
            JniUtils.setGradMode(false);
            model.setTraining(false);
            model.discardPendingBackward();
        }
        double gradientNorm = GradientNorm.clip(model.trainableWeights(), settings.maxGradNorm());
        if (!Double.isFinite(gradientNorm)) {
            optimizer.zeroGradients();
            throw diverged("the gradient norm is " + gradientNorm, step);
        }
        double learningRate = schedule.at(step);
        optimizer.step(learningRate);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss", lossSum);
        metrics.putAll(means.means());
        metrics.put("learning_rate", learningRate);
        metrics.put("grad_norm", gradientNorm);
        return metrics;
    }

    private TrainingDivergedException diverged(String what, long step) {
        return new TrainingDivergedException("Training stopped at step " + (step + 1) + ": " + what
                + ". The step was not applied; the last checkpoint is intact. Try a lower learning rate"
                + " or a smaller max gradient norm.");
    }

    /** The examples of an epoch in their shuffled order: a function of the seed and the epoch only. */
    private List<Integer> order(int epoch) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < objective.size(); i++) {
            indices.add(i);
        }
        SplittableRandom random = new SplittableRandom(settings.shuffleSeed() * 1_000_003L + epoch);
        for (int i = indices.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            indices.set(j, indices.set(i, indices.get(j)));
        }
        return indices;
    }
}
