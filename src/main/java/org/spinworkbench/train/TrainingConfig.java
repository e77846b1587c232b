package org.spinworkbench.train;

import java.util.Optional;
import org.spinworkbench.lm.LoraConfig;

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
 * @param klAnchor          SPIN only: weight A in [0, 1) of a KL anchor to the base model (α-SPIN, Alami et al. 2024):
 *                          the loss's reference becomes the geometric mixture {@code π_opp^(1−A) · π_0^A}; 0, the
 *                          paper's SPIN, by default
 * @param opponents         SPIN only: how many of the latest iterates the opponent mixes (fictitious play, Alami et
 *                          al. 2024): each prompt's synthetic response comes from one of them, and the reference is
 *                          their mixture; 1, the paper's SPIN, by default (0, as runs stored before it read, means 1)
 * @param lora              null: every weight is trained; else LoRA adapters are, the base weights frozen
 * @param gradientCheckpointing recompute each decoder block's activations in backward instead of keeping them
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
        double nllAlpha,
        double klAnchor,
        int opponents,
        LoraConfig lora,
        boolean gradientCheckpointing) {

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
        require(klAnchor >= 0 && klAnchor < 1, "KL anchor must be in [0, 1)");
        opponents = opponents == 0 ? 1 : opponents;
        require(opponents >= 1, "opponents must be at least 1");
    }

    public static TrainingConfig spinDefaults() {
        return builder().build();
    }

    /** A builder holding every default of a new SPIN run; {@code setKind} for another kind. */
    public static TrainingConfigBuilder builder() {
        return new TrainingConfigBuilder();
    }

    /** A builder holding these settings, to change some of them. */
    public TrainingConfigBuilder toBuilder() {
        return new TrainingConfigBuilder(this);
    }

    /** These settings with another batch size and template choice, for scoring a dataset. */
    public TrainingConfig forEvaluation(int evalBatchSize, boolean rawText) {
        return toBuilder().optBatchSize(evalBatchSize).optRaw(rawText).build();
    }

    /** Whether the reference of the loss is more than the opponent that generated the pairs. */
    public boolean regularisedSelfPlay() {
        return kind == Kind.SPIN && (klAnchor > 0 || opponents > 1);
    }

    /** The run's LoRA settings; empty when it trains every weight. */
    public Optional<LoraConfig> loraSettings() {
        return Optional.ofNullable(lora);
    }

    public Truncation truncation() {
        return new Truncation(maxLength, maxPromptLength);
    }

    /**
     * The optimiser steps the whole run takes on {@code trainingExamples} examples: each
     * iteration's epochs over its pairs (twice as many from iteration 2 when the previous
     * iteration's pairs are mixed in), {@code batchSize × gradientAccumulation} examples a step.
     */
    public long optimiserSteps(int trainingExamples) {
        int examplesPerStep = batchSize * gradientAccumulation;
        long steps = Trainer.steps(trainingExamples, examplesPerStep, epochs);
        int iterationsLeft = (kind == Kind.SFT ? 1 : iterations) - 1;
        return steps + iterationsLeft * Trainer.steps(mixPrevious ? 2 * trainingExamples : trainingExamples,
                examplesPerStep, epochs);
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
