package org.spinworkbench.ui.wizard;

import java.util.Locale;
import org.spinworkbench.lm.LoraConfig;
import org.spinworkbench.runs.Decimals;
import org.spinworkbench.train.TrainingConfig;

/**
 * The typed-in settings of the hyper-parameter step, each with the rule a value must meet.
 * The rules are {@link TrainingConfig}'s own, checked field by field so the wizard can name
 * the field at fault before the record's constructor would refuse the whole.
 */
public enum Parameter {
    ITERATIONS(Type.WHOLE, Rule.AT_LEAST_ONE),
    EPOCHS(Type.WHOLE, Rule.AT_LEAST_ONE),
    BETA(Type.DECIMAL, Rule.POSITIVE),
    LEARNING_RATE(Type.DECIMAL, Rule.POSITIVE),
    WEIGHT_DECAY(Type.DECIMAL, Rule.NOT_NEGATIVE),
    WARMUP_RATIO(Type.DECIMAL, Rule.BELOW_ONE),
    BATCH_SIZE(Type.WHOLE, Rule.AT_LEAST_ONE),
    GRADIENT_ACCUMULATION(Type.WHOLE, Rule.AT_LEAST_ONE),
    MAX_GRAD_NORM(Type.DECIMAL, Rule.POSITIVE),
    MAX_LENGTH(Type.WHOLE, Rule.AT_LEAST_ONE),
    MAX_PROMPT_LENGTH(Type.WHOLE, Rule.AT_LEAST_ONE),
    MAX_NEW_TOKENS(Type.WHOLE, Rule.AT_LEAST_ONE),
    TEMPERATURE(Type.DECIMAL, Rule.NOT_NEGATIVE),
    TOP_P(Type.DECIMAL, Rule.UP_TO_ONE),
    SEED(Type.WHOLE, Rule.ANY),
    SAVE_STEPS(Type.WHOLE, Rule.NOT_NEGATIVE),
    NLL_ALPHA(Type.DECIMAL, Rule.NOT_NEGATIVE),
    KL_ANCHOR(Type.DECIMAL, Rule.BELOW_ONE),
    OPPONENTS(Type.WHOLE, Rule.AT_LEAST_ONE),
    LORA_RANK(Type.WHOLE, Rule.NOT_NEGATIVE),
    LORA_ALPHA(Type.DECIMAL, Rule.POSITIVE),
    LORA_DROPOUT(Type.DECIMAL, Rule.BELOW_ONE);

    enum Type { WHOLE, DECIMAL }

    /** What a parsed value must be. */
    public enum Rule {
        ANY, AT_LEAST_ONE, POSITIVE, NOT_NEGATIVE, BELOW_ONE, UP_TO_ONE;

        boolean accepts(double value) {
            return switch (this) {
                case ANY -> true;
                case AT_LEAST_ONE -> value >= 1;
                case POSITIVE -> value > 0;
                case NOT_NEGATIVE -> value >= 0;
                case BELOW_ONE -> value >= 0 && value < 1;
                case UP_TO_ONE -> value > 0 && value <= 1;
            };
        }
    }

    private final Type type;
    private final Rule rule;

    Parameter(Type type, Rule rule) {
        this.type = type;
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }

    public boolean whole() {
        return type == Type.WHOLE;
    }

    /** The value of this setting in {@code config}, as the field shows it: "5e-7", "0.1", "1024". */
    public String text(TrainingConfig config) {
        return switch (this) {
            case ITERATIONS -> Integer.toString(config.iterations());
            case EPOCHS -> Integer.toString(config.epochs());
            case BETA -> decimal(config.beta());
            case LEARNING_RATE -> decimal(config.learningRate());
            case WEIGHT_DECAY -> decimal(config.weightDecay());
            case WARMUP_RATIO -> decimal(config.warmupRatio());
            case BATCH_SIZE -> Integer.toString(config.batchSize());
            case GRADIENT_ACCUMULATION -> Integer.toString(config.gradientAccumulation());
            case MAX_GRAD_NORM -> decimal(config.maxGradNorm());
            case MAX_LENGTH -> Integer.toString(config.maxLength());
            case MAX_PROMPT_LENGTH -> Integer.toString(config.maxPromptLength());
            case MAX_NEW_TOKENS -> Integer.toString(config.maxNewTokens());
            case TEMPERATURE -> decimal(config.temperature());
            case TOP_P -> decimal(config.topP());
            case SEED -> Long.toString(config.seed());
            case SAVE_STEPS -> Integer.toString(config.saveSteps());
            case NLL_ALPHA -> decimal(config.nllAlpha());
            case KL_ANCHOR -> decimal(config.klAnchor());
            case OPPONENTS -> Integer.toString(config.opponents());
            case LORA_RANK -> Integer.toString(config.loraSettings().map(LoraConfig::rank).orElse(0));
            case LORA_ALPHA -> decimal(config.loraSettings().map(LoraConfig::alpha).orElse(LoraConfig.DEFAULT_ALPHA));
            case LORA_DROPOUT -> decimal(config.loraSettings().map(LoraConfig::dropout)
                    .orElse(LoraConfig.DEFAULT_DROPOUT));
        };
    }

    /** {@code MAX_PROMPT_LENGTH} → {@code maxPromptLength}: the name its messages and its field are known by. */
    public String key() {
        StringBuilder key = new StringBuilder();
        for (String word : name().toLowerCase(Locale.ROOT).split("_")) {
            key.append(key.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return key.toString();
    }

    /** Short and exact: no trailing zeros; an exponent for learning-rate-sized numbers and huge ones. */
    static String decimal(double value) {
        return Decimals.text(value);
    }
}
