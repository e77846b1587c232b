package org.spinworkbench.ui.wizard;

import org.spinworkbench.ui.common.Messages;

/** The label, the one-line explanation and the problems of each hyper-parameter, in the user's language. */
final class ParameterTexts {
    private final Messages messages;

    ParameterTexts(Messages messages) {
        this.messages = messages;
    }

    String label(Parameter parameter) {
        return switch (parameter) {
            case ITERATIONS -> messages.get("wizard.param.iterations");
            case EPOCHS -> messages.get("wizard.param.epochs");
            case BETA -> messages.get("wizard.param.beta");
            case LEARNING_RATE -> messages.get("wizard.param.learningRate");
            case WEIGHT_DECAY -> messages.get("wizard.param.weightDecay");
            case WARMUP_RATIO -> messages.get("wizard.param.warmupRatio");
            case BATCH_SIZE -> messages.get("wizard.param.batchSize");
            case GRADIENT_ACCUMULATION -> messages.get("wizard.param.gradientAccumulation");
            case MAX_GRAD_NORM -> messages.get("wizard.param.maxGradNorm");
            case MAX_LENGTH -> messages.get("wizard.param.maxLength");
            case MAX_PROMPT_LENGTH -> messages.get("wizard.param.maxPromptLength");
            case MAX_NEW_TOKENS -> messages.get("wizard.param.maxNewTokens");
            case TEMPERATURE -> messages.get("wizard.param.temperature");
            case TOP_P -> messages.get("wizard.param.topP");
            case SEED -> messages.get("wizard.param.seed");
            case SAVE_STEPS -> messages.get("wizard.param.saveSteps");
            case NLL_ALPHA -> messages.get("wizard.param.nllAlpha");
            case KL_ANCHOR -> messages.get("wizard.param.klAnchor");
            case OPPONENTS -> messages.get("wizard.param.opponents");
            case LORA_RANK -> messages.get("wizard.param.loraRank");
            case LORA_ALPHA -> messages.get("wizard.param.loraAlpha");
            case LORA_DROPOUT -> messages.get("wizard.param.loraDropout");
        };
    }

    String help(Parameter parameter) {
        return switch (parameter) {
            case ITERATIONS -> messages.get("wizard.help.iterations");
            case EPOCHS -> messages.get("wizard.help.epochs");
            case BETA -> messages.get("wizard.help.beta");
            case LEARNING_RATE -> messages.get("wizard.help.learningRate");
            case WEIGHT_DECAY -> messages.get("wizard.help.weightDecay");
            case WARMUP_RATIO -> messages.get("wizard.help.warmupRatio");
            case BATCH_SIZE -> messages.get("wizard.help.batchSize");
            case GRADIENT_ACCUMULATION -> messages.get("wizard.help.gradientAccumulation");
            case MAX_GRAD_NORM -> messages.get("wizard.help.maxGradNorm");
            case MAX_LENGTH -> messages.get("wizard.help.maxLength");
            case MAX_PROMPT_LENGTH -> messages.get("wizard.help.maxPromptLength");
            case MAX_NEW_TOKENS -> messages.get("wizard.help.maxNewTokens");
            case TEMPERATURE -> messages.get("wizard.help.temperature");
            case TOP_P -> messages.get("wizard.help.topP");
            case SEED -> messages.get("wizard.help.seed");
            case SAVE_STEPS -> messages.get("wizard.help.saveSteps");
            case NLL_ALPHA -> messages.get("wizard.help.nllAlpha");
            case KL_ANCHOR -> messages.get("wizard.help.klAnchor");
            case OPPONENTS -> messages.get("wizard.help.opponents");
            case LORA_RANK -> messages.get("wizard.help.loraRank");
            case LORA_ALPHA -> messages.get("wizard.help.loraAlpha");
            case LORA_DROPOUT -> messages.get("wizard.help.loraDropout");
        };
    }

    /** The sentence naming the field and what its value must be. */
    String problem(ParameterProblem problem) {
        return switch (problem.kind()) {
            case NOT_WHOLE -> messages.get("wizard.problem.notWhole", label(problem.field()));
            case NOT_NUMBER -> messages.get("wizard.problem.notNumber", label(problem.field()));
            case OUT_OF_RANGE -> switch (problem.field().rule()) {
                case ANY -> messages.get("wizard.problem.notNumber", label(problem.field()));
                case AT_LEAST_ONE -> messages.get("wizard.problem.atLeastOne", label(problem.field()));
                case POSITIVE -> messages.get("wizard.problem.positive", label(problem.field()));
                case NOT_NEGATIVE -> messages.get("wizard.problem.notNegative", label(problem.field()));
                case BELOW_ONE -> messages.get("wizard.problem.belowOne", label(problem.field()));
                case UP_TO_ONE -> messages.get("wizard.problem.upToOne", label(problem.field()));
            };
            case PROMPT_NOT_SHORTER -> messages.get("wizard.problem.promptNotShorter",
                    label(Parameter.MAX_PROMPT_LENGTH), label(Parameter.MAX_LENGTH), problem.limit());
            case BEYOND_CONTEXT -> messages.get("wizard.problem.beyondContext", label(Parameter.MAX_LENGTH),
                    problem.limit());
            case GENERATION_BEYOND_CONTEXT -> messages.get("wizard.problem.generationBeyondContext",
                    label(Parameter.MAX_PROMPT_LENGTH), label(Parameter.MAX_NEW_TOKENS), problem.limit());
            case IMPLAUSIBLE -> problem.field() == Parameter.TEMPERATURE
                    ? messages.get("wizard.warning.temperature", label(Parameter.TEMPERATURE),
                            ParameterForm.MAX_PLAUSIBLE_TEMPERATURE)
                    : messages.get("wizard.warning.learningRate", label(Parameter.LEARNING_RATE),
                            ParameterForm.MAX_PLAUSIBLE_LEARNING_RATE);
            case NO_GENERATED_RESPONSES -> messages.get("wizard.problem.noGenerated");
            case REFUSED -> messages.get("wizard.problem.refused", problem.reason());
        };
    }
}
