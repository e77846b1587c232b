package org.spinworkbench.train;

/**
 * Every setting of an SFT or SPIN run, stored with the run so it can be resumed and
 * compared. Defaults follow the SPIN reference recipes where they say something
 * (β 0.1, sigmoid loss, linear schedule with 10 % warm-up, 2 epochs per iteration,
 * max length 1024 with 512 for the prompt).
 *
 * @param iterations        SPIN iterations (SFT: ignored)
 * @param epochs            passes over the training pairs per iteration
 * @param beta              β, the scale of the implicit reward
 * @param mixPrevious       train iteration t on its own pairs and on iteration t-1's
 * @param useDataGenerated  iteration 1 trains on the synthetic responses the dataset carries
 * @param saveSteps         a resumable checkpoint every this many optimiser steps (0: only at iteration ends)
 * @param format            BOS and prompt turns (null: {@link PromptFormat#DEFAULT}, as runs stored before it read)
 * @param nllAlpha          SPIN only: weight of an NLL term on the real response added to the loss
 *                          ({@code loss + α·NLL(y_real)}, TRL's {@code rpo_alpha}); 0, the paper's SPIN, by default
 */
public record TrainingConfig(
        Kind kind,
        int iterations,
        int epochs,
        double beta,
        SpinLossKind loss,
        double learningRate,
        double weightDecay,
        double warmupRatio,
        Schedule schedule,
        int batchSize,
        int gradientAccumulation,
        double maxGradNorm,
        int maxLength,
        int maxPromptLength,
        int maxNewTokens,
        double temperature,
        double topP,
        boolean mixPrevious,
        boolean useDataGenerated,
        boolean raw,
        long seed,
        int saveSteps,
        PromptFormat format,
        double nllAlpha) {

    // The defaults of every new run, the command line's and the wizard's alike. Compile-time
    // constants, so command-line annotations can name them as their default values.
    public static final int DEFAULT_ITERATIONS = 3;
    public static final int DEFAULT_EPOCHS = 2;
    public static final double DEFAULT_BETA = 0.1;
    public static final double DEFAULT_LEARNING_RATE = 5e-7;
    public static final double DEFAULT_WEIGHT_DECAY = 0.0;
    public static final double DEFAULT_WARMUP_RATIO = 0.1;
    public static final int DEFAULT_BATCH_SIZE = 8;
    public static final int DEFAULT_GRADIENT_ACCUMULATION = 1;
    public static final double DEFAULT_MAX_GRAD_NORM = 1.0;
    public static final int DEFAULT_MAX_LENGTH = 1024;
    public static final int DEFAULT_MAX_PROMPT_LENGTH = 512;
    public static final int DEFAULT_MAX_NEW_TOKENS = 256;
    public static final double DEFAULT_TEMPERATURE = 1.0;
    public static final double DEFAULT_TOP_P = 1.0;
    public static final long DEFAULT_SEED = 42;
    public static final int DEFAULT_SAVE_STEPS = 50;

    public enum Kind { SPIN, SFT }

    public enum Schedule { LINEAR, COSINE, CONSTANT }

    public TrainingConfig {
        require(iterations >= 1, "iterations must be at least 1");
        require(epochs >= 1, "epochs must be at least 1");
        require(beta > 0 && Double.isFinite(beta), "beta must be positive");
        require(learningRate > 0 && Double.isFinite(learningRate), "learning rate must be positive");
        require(weightDecay >= 0, "weight decay must be 0 or more");
        require(warmupRatio >= 0 && warmupRatio < 1, "warm-up ratio must be in [0, 1)");
        require(batchSize >= 1, "batch size must be at least 1");
        require(gradientAccumulation >= 1, "gradient accumulation must be at least 1");
        require(maxGradNorm > 0, "max gradient norm must be positive");
        require(maxPromptLength >= 1 && maxLength > maxPromptLength,
                "max length must be larger than max prompt length");
        require(maxNewTokens >= 1, "max new tokens must be at least 1");
        require(temperature >= 0, "temperature must be 0 (greedy) or positive");
        require(topP > 0 && topP <= 1, "top-p must be in (0, 1]");
        require(saveSteps >= 0, "save steps must be 0 or more");
        format = format == null ? PromptFormat.DEFAULT : format;
        require(nllAlpha >= 0 && Double.isFinite(nllAlpha), "NLL alpha must be 0 or more");
    }

    public static TrainingConfig spinDefaults() {
        return new TrainingConfig(Kind.SPIN, DEFAULT_ITERATIONS, DEFAULT_EPOCHS, DEFAULT_BETA, SpinLossKind.SIGMOID,
                DEFAULT_LEARNING_RATE, DEFAULT_WEIGHT_DECAY, DEFAULT_WARMUP_RATIO, Schedule.LINEAR, DEFAULT_BATCH_SIZE,
                DEFAULT_GRADIENT_ACCUMULATION, DEFAULT_MAX_GRAD_NORM, DEFAULT_MAX_LENGTH, DEFAULT_MAX_PROMPT_LENGTH,
                DEFAULT_MAX_NEW_TOKENS, DEFAULT_TEMPERATURE, DEFAULT_TOP_P, false, false, false, DEFAULT_SEED,
                DEFAULT_SAVE_STEPS, PromptFormat.DEFAULT, 0.0);
    }

    /** These settings with another batch size and template choice, for scoring a dataset. */
    public TrainingConfig forEvaluation(int evalBatchSize, boolean rawText) {
        return new TrainingConfig(kind, iterations, epochs, beta, loss, learningRate, weightDecay, warmupRatio, schedule,
                evalBatchSize, gradientAccumulation, maxGradNorm, maxLength, maxPromptLength, maxNewTokens, temperature,
                topP, mixPrevious, useDataGenerated, rawText, seed, saveSteps, format, nllAlpha);
    }

    public Truncation truncation() {
        return new Truncation(maxLength, maxPromptLength);
    }

    public LearningRateSchedule scheduleFor(long totalSteps) {
        long warmup = (long) Math.ceil(warmupRatio * totalSteps);
        return switch (schedule) {
            case LINEAR -> LearningRateSchedule.linear(learningRate, warmup, totalSteps);
            case COSINE -> LearningRateSchedule.cosine(learningRate, warmup, totalSteps);
            case CONSTANT -> LearningRateSchedule.constant(learningRate);
        };
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
