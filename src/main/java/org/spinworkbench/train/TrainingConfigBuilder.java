package org.spinworkbench.train;

import static org.spinworkbench.train.TrainingConfig.DEFAULT_BATCH_SIZE;
import static org.spinworkbench.train.TrainingConfig.DEFAULT_BETA;
import static org.spinworkbench.train.TrainingConfig.DEFAULT_EPOCHS;
import static org.spinworkbench.train.TrainingConfig.DEFAULT_GRADIENT_ACCUMULATION;
import static org.spinworkbench.train.TrainingConfig.DEFAULT_ITERATIONS;
import static org.spinworkbench.train.TrainingConfig.DEFAULT_LEARNING_RATE;
import static org.spinworkbench.train.TrainingConfig.DEFAULT_MAX_GRAD_NORM;
import static org.spinworkbench.train.TrainingConfig.DEFAULT_MAX_LENGTH;
import static org.spinworkbench.train.TrainingConfig.DEFAULT_MAX_NEW_TOKENS;
import static org.spinworkbench.train.TrainingConfig.DEFAULT_MAX_PROMPT_LENGTH;
import static org.spinworkbench.train.TrainingConfig.DEFAULT_SAVE_STEPS;
import static org.spinworkbench.train.TrainingConfig.DEFAULT_SEED;
import static org.spinworkbench.train.TrainingConfig.DEFAULT_TEMPERATURE;
import static org.spinworkbench.train.TrainingConfig.DEFAULT_TOP_P;
import static org.spinworkbench.train.TrainingConfig.DEFAULT_WARMUP_RATIO;
import static org.spinworkbench.train.TrainingConfig.DEFAULT_WEIGHT_DECAY;

import java.util.Objects;
import org.spinworkbench.lm.LoraConfig;
import org.spinworkbench.train.TrainingConfig.Kind;
import org.spinworkbench.train.TrainingConfig.Schedule;

/** Builds a {@link TrainingConfig}: every setting starts at its default; {@link #build()} checks them together. */
public final class TrainingConfigBuilder {
    private Kind kind = Kind.SPIN;
    private int iterations = DEFAULT_ITERATIONS;
    private int epochs = DEFAULT_EPOCHS;
    private double beta = DEFAULT_BETA;
    private SpinLossKind loss = SpinLossKind.SIGMOID;
    private double learningRate = DEFAULT_LEARNING_RATE;
    private double weightDecay = DEFAULT_WEIGHT_DECAY;
    private double warmupRatio = DEFAULT_WARMUP_RATIO;
    private Schedule schedule = Schedule.LINEAR;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private int gradientAccumulation = DEFAULT_GRADIENT_ACCUMULATION;
    private double maxGradNorm = DEFAULT_MAX_GRAD_NORM;
    private int maxLength = DEFAULT_MAX_LENGTH;
    private int maxPromptLength = DEFAULT_MAX_PROMPT_LENGTH;
    private int maxNewTokens = DEFAULT_MAX_NEW_TOKENS;
    private double temperature = DEFAULT_TEMPERATURE;
    private double topP = DEFAULT_TOP_P;
    private boolean mixPrevious;
    private boolean useDataGenerated;
    private boolean raw;
    private long seed = DEFAULT_SEED;
    private int saveSteps = DEFAULT_SAVE_STEPS;
    private PromptFormat format = PromptFormat.DEFAULT;
    private double nllAlpha;
    private double klAnchor;
    private int opponents = 1;
    private LoraConfig lora;
    private boolean gradientCheckpointing;

    TrainingConfigBuilder() {
    }

    TrainingConfigBuilder(TrainingConfig c) {
        kind = c.kind();
        iterations = c.iterations();
        epochs = c.epochs();
        beta = c.beta();
        loss = c.loss();
        learningRate = c.learningRate();
        weightDecay = c.weightDecay();
        warmupRatio = c.warmupRatio();
        schedule = c.schedule();
        batchSize = c.batchSize();
        gradientAccumulation = c.gradientAccumulation();
        maxGradNorm = c.maxGradNorm();
        maxLength = c.maxLength();
        maxPromptLength = c.maxPromptLength();
        maxNewTokens = c.maxNewTokens();
        temperature = c.temperature();
        topP = c.topP();
        mixPrevious = c.mixPrevious();
        useDataGenerated = c.useDataGenerated();
        raw = c.raw();
        seed = c.seed();
        saveSteps = c.saveSteps();
        format = c.format();
        nllAlpha = c.nllAlpha();
        klAnchor = c.klAnchor();
        opponents = c.opponents();
        lora = c.lora();
        gradientCheckpointing = c.gradientCheckpointing();
    }

    public TrainingConfigBuilder setKind(Kind kind) {
        this.kind = Objects.requireNonNull(kind, "kind");
        return this;
    }

    public TrainingConfigBuilder optIterations(int iterations) {
        this.iterations = iterations;
        return this;
    }

    public TrainingConfigBuilder optEpochs(int epochs) {
        this.epochs = epochs;
        return this;
    }

    public TrainingConfigBuilder optBeta(double beta) {
        this.beta = beta;
        return this;
    }

    public TrainingConfigBuilder optLoss(SpinLossKind loss) {
        this.loss = Objects.requireNonNull(loss, "loss");
        return this;
    }

    public TrainingConfigBuilder optLearningRate(double learningRate) {
        this.learningRate = learningRate;
        return this;
    }

    public TrainingConfigBuilder optWeightDecay(double weightDecay) {
        this.weightDecay = weightDecay;
        return this;
    }

    public TrainingConfigBuilder optWarmupRatio(double warmupRatio) {
        this.warmupRatio = warmupRatio;
        return this;
    }

    public TrainingConfigBuilder optSchedule(Schedule schedule) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        return this;
    }

    public TrainingConfigBuilder optBatchSize(int batchSize) {
        this.batchSize = batchSize;
        return this;
    }

    public TrainingConfigBuilder optGradientAccumulation(int gradientAccumulation) {
        this.gradientAccumulation = gradientAccumulation;
        return this;
    }

    public TrainingConfigBuilder optMaxGradNorm(double maxGradNorm) {
        this.maxGradNorm = maxGradNorm;
        return this;
    }

    /** Most tokens of prompt + response, and most of them the prompt keeps when cutting. */
    public TrainingConfigBuilder optLengths(int maxLength, int maxPromptLength) {
        this.maxLength = maxLength;
        this.maxPromptLength = maxPromptLength;
        return this;
    }

    public TrainingConfigBuilder optMaxNewTokens(int maxNewTokens) {
        this.maxNewTokens = maxNewTokens;
        return this;
    }

    public TrainingConfigBuilder optTemperature(double temperature) {
        this.temperature = temperature;
        return this;
    }

    public TrainingConfigBuilder optTopP(double topP) {
        this.topP = topP;
        return this;
    }

    public TrainingConfigBuilder optMixPrevious(boolean mixPrevious) {
        this.mixPrevious = mixPrevious;
        return this;
    }

    public TrainingConfigBuilder optUseDataGenerated(boolean useDataGenerated) {
        this.useDataGenerated = useDataGenerated;
        return this;
    }

    public TrainingConfigBuilder optRaw(boolean raw) {
        this.raw = raw;
        return this;
    }

    public TrainingConfigBuilder optSeed(long seed) {
        this.seed = seed;
        return this;
    }

    public TrainingConfigBuilder optSaveSteps(int saveSteps) {
        this.saveSteps = saveSteps;
        return this;
    }

    public TrainingConfigBuilder optFormat(PromptFormat format) {
        this.format = format;
        return this;
    }

    public TrainingConfigBuilder optNllAlpha(double nllAlpha) {
        this.nllAlpha = nllAlpha;
        return this;
    }

    public TrainingConfigBuilder optKlAnchor(double klAnchor) {
        this.klAnchor = klAnchor;
        return this;
    }

    public TrainingConfigBuilder optOpponents(int opponents) {
        this.opponents = opponents;
        return this;
    }

    /** LoRA adapters instead of full fine-tuning; null trains every weight. */
    public TrainingConfigBuilder optLora(LoraConfig lora) {
        this.lora = lora;
        return this;
    }

    /** Less memory for one more forward pass of the blocks a step; the same gradients. */
    public TrainingConfigBuilder optGradientCheckpointing(boolean gradientCheckpointing) {
        this.gradientCheckpointing = gradientCheckpointing;
        return this;
    }

    /** @throws IllegalArgumentException naming the first setting that is out of range */
    public TrainingConfig build() {
        return new TrainingConfig(kind, iterations, epochs, beta, loss, learningRate, weightDecay, warmupRatio,
                schedule, batchSize, gradientAccumulation, maxGradNorm, maxLength, maxPromptLength, maxNewTokens,
                temperature, topP, mixPrevious, useDataGenerated, raw, seed, saveSteps, format, nllAlpha,
                klAnchor, opponents, lora, gradientCheckpointing);
    }
}
