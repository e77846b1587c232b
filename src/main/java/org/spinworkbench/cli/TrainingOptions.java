package org.spinworkbench.cli;

import java.util.Locale;
import org.spinworkbench.train.SpinLossKind;
import org.spinworkbench.train.TrainingConfig;
import picocli.CommandLine.Option;

/** The training settings shared by {@code spin} and {@code sft}; defaults from the SPIN recipes. */
public final class TrainingOptions {
    private static final TrainingConfig DEFAULTS = TrainingConfig.spinDefaults();

    @Option(names = "--epochs", paramLabel = "E", description = "Passes over the data per iteration. Default: 2.")
    Integer epochs;

    @Option(names = "--lr", paramLabel = "LR", description = "Peak learning rate (AdamW). Default: 5e-7.")
    Double learningRate;

    @Option(names = "--weight-decay", paramLabel = "W", description = "AdamW weight decay (not on biases and norms). Default: 0.")
    Double weightDecay;

    @Option(names = "--warmup-ratio", paramLabel = "R", description = "Share of steps warming up. Default: 0.1.")
    Double warmupRatio;

    @Option(names = "--schedule", paramLabel = "linear|cosine|constant", description = "Learning-rate schedule. Default: linear.")
    String schedule;

    @Option(names = "--batch-size", paramLabel = "B", description = "Examples per micro-batch. Default: 8.")
    Integer batchSize;

    @Option(names = "--grad-accum", paramLabel = "G", description = "Micro-batches per optimiser step. Default: 1.")
    Integer gradientAccumulation;

    @Option(names = "--max-grad-norm", paramLabel = "N", description = "Clip the global gradient norm to N. Default: 1.0.")
    Double maxGradNorm;

    @Option(names = "--max-length", paramLabel = "L", description = "Most tokens of prompt + response. Default: 1024.")
    Integer maxLength;

    @Option(names = "--max-prompt-length", paramLabel = "P", description = "Most prompt tokens kept when cutting. Default: 512.")
    Integer maxPromptLength;

    @Option(names = "--raw", description = "No chat template: prompt and response text as they are.")
    boolean raw;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the split, shuffles and sampling. Default: 42.")
    Long seed;

    @Option(names = "--save-steps", paramLabel = "K", description = "A resumable checkpoint every K steps; 0: iteration ends only. Default: 50.")
    Integer saveSteps;

    /** The settings given on the command line over the defaults, for a run of {@code kind}. */
    TrainingConfig config(TrainingConfig.Kind kind, int iterations, double beta, SpinLossKind loss, int maxNewTokens,
                          double temperature, double topP, boolean mixPrevious, boolean useDataGenerated) {
        return new TrainingConfig(kind, iterations, or(epochs, DEFAULTS.epochs()), beta, loss,
                or(learningRate, DEFAULTS.learningRate()), or(weightDecay, DEFAULTS.weightDecay()),
                or(warmupRatio, DEFAULTS.warmupRatio()),
                schedule == null ? DEFAULTS.schedule()
                        : TrainingConfig.Schedule.valueOf(schedule.toUpperCase(Locale.ROOT)),
                or(batchSize, DEFAULTS.batchSize()), or(gradientAccumulation, DEFAULTS.gradientAccumulation()),
                or(maxGradNorm, DEFAULTS.maxGradNorm()), or(maxLength, DEFAULTS.maxLength()),
                or(maxPromptLength, DEFAULTS.maxPromptLength()), maxNewTokens, temperature, topP, mixPrevious,
                useDataGenerated, raw, or(seed, DEFAULTS.seed()), or(saveSteps, DEFAULTS.saveSteps()));
    }

    private static <T> T or(T given, T fallback) {
        return given != null ? given : fallback;
    }
}
