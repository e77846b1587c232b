package org.spinworkbench.ui.wizard;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spinworkbench.io.Problems;
import org.spinworkbench.lm.LoraConfig;
import org.spinworkbench.train.PromptFormat;
import org.spinworkbench.train.SpinLossKind;
import org.spinworkbench.train.TrainingConfig;

/**
 * The hyper-parameters as typed, turned into a {@link TrainingConfig} or into the first
 * problem found, in the order the fields are shown. Starts from the command line's defaults.
 */
public final class ParameterForm {
    static final double MAX_PLAUSIBLE_TEMPERATURE = 2.0;
    static final double MAX_PLAUSIBLE_LEARNING_RATE = 0.01;

    private final Map<Parameter, String> texts = new EnumMap<>(Parameter.class);
    private SpinLossKind loss;
    private TrainingConfig.Schedule schedule;
    private boolean mixPrevious;
    private boolean useDataGenerated;
    private String loraTargets;
    private boolean gradientCheckpointing;

    /** The settings a new SPIN run gets when nothing is changed: {@link TrainingConfig#spinDefaults()}. */
    public ParameterForm() {
        load(TrainingConfig.spinDefaults());
    }

    /** Takes every setting of {@code config}: a previous run's, or the demo's recipe. */
    public void load(TrainingConfig config) {
        for (Parameter parameter : Parameter.values()) {
            texts.put(parameter, parameter.text(config));
        }
        loss = config.loss();
        schedule = config.schedule();
        mixPrevious = config.mixPrevious();
        useDataGenerated = config.useDataGenerated();
        loraTargets = String.join(",", config.loraSettings().map(LoraConfig::targets).orElse(LoraConfig.DEFAULT_TARGETS));
        gradientCheckpointing = config.gradientCheckpointing();
    }

    /**
     * Shortens the lengths that do not fit a model of {@code contextLength} tokens: max length
     * to the context, the prompt's to half of it, the new tokens to what is left beside the
     * prompt. Values that fit, or are not numbers yet, are left as typed.
     *
     * @return whether anything changed
     */
    public boolean fit(int contextLength) {
        Integer maxLength = whole(Parameter.MAX_LENGTH);
        Integer promptLength = whole(Parameter.MAX_PROMPT_LENGTH);
        Integer newTokens = whole(Parameter.MAX_NEW_TOKENS);
        if (contextLength < 2 || maxLength == null || promptLength == null || newTokens == null) {
            return false;
        }
        int fittedLength = Math.min(maxLength, contextLength);
        int fittedPrompt = promptLength < fittedLength ? promptLength : fittedLength / 2;
        int fittedNew = Math.min(newTokens, contextLength - fittedPrompt);
        texts.put(Parameter.MAX_LENGTH, Integer.toString(fittedLength));
        texts.put(Parameter.MAX_PROMPT_LENGTH, Integer.toString(fittedPrompt));
        texts.put(Parameter.MAX_NEW_TOKENS, Integer.toString(fittedNew));
        return fittedLength != maxLength || fittedPrompt != promptLength || fittedNew != newTokens;
    }

    private Integer whole(Parameter parameter) {
        try {
            return Integer.valueOf(texts.get(parameter).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A value a run accepts but that is almost surely a slip, if any: a sampling temperature
     * above 2 (the output is noise) or a learning rate above 0.01 (full fine-tuning diverges).
     */
    public Optional<ParameterProblem> warning() {
        double temperature = decimal(Parameter.TEMPERATURE);
        if (temperature > MAX_PLAUSIBLE_TEMPERATURE) {
            return Optional.of(new ParameterProblem(Parameter.TEMPERATURE, ParameterProblem.Kind.IMPLAUSIBLE, 0));
        }
        double learningRate = decimal(Parameter.LEARNING_RATE);
        if (learningRate > MAX_PLAUSIBLE_LEARNING_RATE) {
            return Optional.of(new ParameterProblem(Parameter.LEARNING_RATE, ParameterProblem.Kind.IMPLAUSIBLE, 0));
        }
        return Optional.empty();
    }

    private double decimal(Parameter parameter) {
        try {
            return Double.parseDouble(texts.get(parameter).strip());
        } catch (NumberFormatException e) {
            return Double.NaN; // the field's own problem says so
        }
    }

    public String text(Parameter parameter) {
        return texts.get(parameter);
    }

    public void setText(Parameter parameter, String text) {
        texts.put(parameter, text == null ? "" : text);
    }

    public SpinLossKind loss() {
        return loss;
    }

    public void setLoss(SpinLossKind loss) {
        this.loss = loss;
    }

    public TrainingConfig.Schedule schedule() {
        return schedule;
    }

    public void setSchedule(TrainingConfig.Schedule schedule) {
        this.schedule = schedule;
    }

    public boolean mixPrevious() {
        return mixPrevious;
    }

    public void setMixPrevious(boolean mixPrevious) {
        this.mixPrevious = mixPrevious;
    }

    public boolean useDataGenerated() {
        return useDataGenerated;
    }

    public void setUseDataGenerated(boolean useDataGenerated) {
        this.useDataGenerated = useDataGenerated;
    }

    /** The projections LoRA adapts, as typed: "q_proj,v_proj" or "all-linear"; used when the rank is above 0. */
    public String loraTargets() {
        return loraTargets;
    }

    public void setLoraTargets(String loraTargets) {
        this.loraTargets = loraTargets == null ? "" : loraTargets;
    }

    public boolean gradientCheckpointing() {
        return gradientCheckpointing;
    }

    public void setGradientCheckpointing(boolean gradientCheckpointing) {
        this.gradientCheckpointing = gradientCheckpointing;
    }

    /**
     * Every problem at once: each field that is not a valid value on its own, in the order the
     * fields are shown; when all are, the first problem between fields (lengths, the model's
     * context, the data), if any.
     */
    public List<ParameterProblem> problems(Limits limits) {
        List<ParameterProblem> problems = new ArrayList<>();
        for (Parameter parameter : Parameter.values()) {
            try {
                parse(parameter);
            } catch (Refused refused) {
                problems.add(refused.problem);
            }
        }
        return problems.isEmpty() ? problem(limits).map(List::of).orElse(List.of()) : problems;
    }

    /** The first problem, if any. */
    public Optional<ParameterProblem> problem(Limits limits) {
        try {
            config(limits, false, PromptFormat.DEFAULT);
            return Optional.empty();
        } catch (Refused refused) {
            return Optional.of(refused.problem);
        } catch (IllegalArgumentException e) {
            // TrainingConfig is the authority; a rule of its that no field checks still blocks Next.
            return Optional.of(new ParameterProblem(null, ParameterProblem.Kind.REFUSED, 0, Problems.describe(e)));
        }
    }

    /**
     * The settings of a SPIN run.
     *
     * @param raw    whether prompts skip the chat template (chosen with the data)
     * @param format BOS and prompt turns (chosen with the data)
     * @throws IllegalArgumentException when {@link #problem(Limits)} is not empty
     */
    public TrainingConfig config(Limits limits, boolean raw, PromptFormat format) {
        Map<Parameter, Number> values = new EnumMap<>(Parameter.class);
        for (Parameter parameter : Parameter.values()) {
            values.put(parameter, parse(parameter));
        }
        int maxLength = values.get(Parameter.MAX_LENGTH).intValue();
        int maxPromptLength = values.get(Parameter.MAX_PROMPT_LENGTH).intValue();
        if (maxPromptLength >= maxLength) {
            throw new Refused(new ParameterProblem(Parameter.MAX_PROMPT_LENGTH,
                    ParameterProblem.Kind.PROMPT_NOT_SHORTER, maxLength));
        }
        if (limits.contextLength() > 0 && maxLength > limits.contextLength()) {
            throw new Refused(new ParameterProblem(Parameter.MAX_LENGTH, ParameterProblem.Kind.BEYOND_CONTEXT,
                    limits.contextLength()));
        }
        int maxNewTokens = values.get(Parameter.MAX_NEW_TOKENS).intValue();
        if (limits.contextLength() > 0 && (long) maxPromptLength + maxNewTokens > limits.contextLength()) {
            throw new Refused(new ParameterProblem(Parameter.MAX_NEW_TOKENS,
                    ParameterProblem.Kind.GENERATION_BEYOND_CONTEXT, limits.contextLength()));
        }
        if (useDataGenerated && !limits.dataCarriesGenerated()) {
            throw new Refused(new ParameterProblem(null, ParameterProblem.Kind.NO_GENERATED_RESPONSES, 0));
        }
        return TrainingConfig.builder()
                .optIterations(values.get(Parameter.ITERATIONS).intValue())
                .optEpochs(values.get(Parameter.EPOCHS).intValue())
                .optBeta(values.get(Parameter.BETA).doubleValue())
                .optLoss(loss)
                .optLearningRate(values.get(Parameter.LEARNING_RATE).doubleValue())
                .optWeightDecay(values.get(Parameter.WEIGHT_DECAY).doubleValue())
                .optWarmupRatio(values.get(Parameter.WARMUP_RATIO).doubleValue())
                .optSchedule(schedule)
                .optBatchSize(values.get(Parameter.BATCH_SIZE).intValue())
                .optGradientAccumulation(values.get(Parameter.GRADIENT_ACCUMULATION).intValue())
                .optMaxGradNorm(values.get(Parameter.MAX_GRAD_NORM).doubleValue())
                .optLengths(maxLength, maxPromptLength)
                .optMaxNewTokens(maxNewTokens)
                .optTemperature(values.get(Parameter.TEMPERATURE).doubleValue())
                .optTopP(values.get(Parameter.TOP_P).doubleValue())
                .optMixPrevious(mixPrevious)
                .optUseDataGenerated(useDataGenerated)
                .optRaw(raw)
                .optSeed(values.get(Parameter.SEED).longValue())
                .optSaveSteps(values.get(Parameter.SAVE_STEPS).intValue())
                .optFormat(format)
                .optNllAlpha(values.get(Parameter.NLL_ALPHA).doubleValue())
                .optKlAnchor(values.get(Parameter.KL_ANCHOR).doubleValue())
                .optOpponents(values.get(Parameter.OPPONENTS).intValue())
                .optLora(lora(values))
                .optGradientCheckpointing(gradientCheckpointing)
                .build();
    }

    /** Rank 0 trains every weight; above 0, LoRA with the alpha, dropout and targets typed. */
    private LoraConfig lora(Map<Parameter, Number> values) {
        int rank = values.get(Parameter.LORA_RANK).intValue();
        return rank == 0 ? null : new LoraConfig(rank, values.get(Parameter.LORA_ALPHA).doubleValue(),
                values.get(Parameter.LORA_DROPOUT).doubleValue(), LoraConfig.parseTargets(loraTargets));
    }

    /**
     * What the other steps impose on the settings.
     *
     * @param contextLength        the model's {@code max_position_embeddings}; 0 when no model is chosen yet
     * @param dataCarriesGenerated every training example has a synthetic response of its own
     */
    public record Limits(int contextLength, boolean dataCarriesGenerated) {
        public static final Limits NONE = new Limits(0, true);
    }

    private Number parse(Parameter parameter) {
        String text = texts.get(parameter).strip();
        Number value;
        try {
            value = parameter.whole() ? (Number) Long.parseLong(text) : (Number) Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new Refused(new ParameterProblem(parameter, parameter.whole() ? ParameterProblem.Kind.NOT_WHOLE
                    : ParameterProblem.Kind.NOT_NUMBER, 0));
        }
        boolean fits = parameter.whole() && parameter != Parameter.SEED
                ? value.longValue() <= Integer.MAX_VALUE : Double.isFinite(value.doubleValue());
        if (!fits || !parameter.rule().accepts(value.doubleValue())) {
            throw new Refused(new ParameterProblem(parameter, ParameterProblem.Kind.OUT_OF_RANGE, 0));
        }
        return value;
    }

    /** A problem found by {@link #config}: {@link #problem} reads it, other callers get an IllegalArgumentException. */
    private static final class Refused extends IllegalArgumentException {
        private final ParameterProblem problem;

        Refused(ParameterProblem problem) {
            super(problem.toString(), null);
            this.problem = problem;
        }
    }
}
