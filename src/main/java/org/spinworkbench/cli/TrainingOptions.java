package org.spinworkbench.cli;

import java.util.Locale;
import java.util.function.Consumer;
import org.spinworkbench.data.PromptTurns;
import org.spinworkbench.lm.LoraConfig;
import org.spinworkbench.lm.hf.BosPolicy;
import org.spinworkbench.train.PromptFormat;
import org.spinworkbench.train.TrainingConfig;
import org.spinworkbench.train.TrainingConfigBuilder;
import picocli.CommandLine.Option;

/** The training settings shared by {@code spin} and {@code sft}; defaults from the SPIN recipes. */
public final class TrainingOptions {
    private static final TrainingConfig DEFAULTS = TrainingConfig.spinDefaults();

    @Option(names = "--epochs", paramLabel = "E", description = "Passes over the data per iteration. Default: " + TrainingConfig.DEFAULT_EPOCHS + ".")
    Integer epochs;

    @Option(names = "--lr", paramLabel = "LR", description = "Peak learning rate (AdamW). Default: " + TrainingConfig.DEFAULT_LEARNING_RATE + ".")
    Double learningRate;

    @Option(names = "--weight-decay", paramLabel = "W", description = "AdamW weight decay (not on biases and norms). Default: " + TrainingConfig.DEFAULT_WEIGHT_DECAY + ".")
    Double weightDecay;

    @Option(names = "--warmup-ratio", paramLabel = "R", description = "Share of steps warming up. Default: " + TrainingConfig.DEFAULT_WARMUP_RATIO + ".")
    Double warmupRatio;

    @Option(names = "--schedule", paramLabel = "linear|cosine|constant", description = "Learning-rate schedule. Default: linear.")
    String schedule;

    @Option(names = "--batch-size", paramLabel = "B", description = "Examples per micro-batch. Default: " + TrainingConfig.DEFAULT_BATCH_SIZE + ".")
    Integer batchSize;

    @Option(names = "--grad-accum", paramLabel = "G", description = "Micro-batches per optimiser step. Default: " + TrainingConfig.DEFAULT_GRADIENT_ACCUMULATION + ".")
    Integer gradientAccumulation;

    @Option(names = "--max-grad-norm", paramLabel = "N", description = "Clip the global gradient norm to N. Default: " + TrainingConfig.DEFAULT_MAX_GRAD_NORM + ".")
    Double maxGradNorm;

    @Option(names = "--max-length", paramLabel = "L", description = "Most tokens of prompt + response. Default: " + TrainingConfig.DEFAULT_MAX_LENGTH + ".")
    Integer maxLength;

    @Option(names = "--max-prompt-length", paramLabel = "P", description = "Most prompt tokens kept when cutting. Default: " + TrainingConfig.DEFAULT_MAX_PROMPT_LENGTH + ".")
    Integer maxPromptLength;

    @Option(names = "--raw", description = "No chat template: prompt and response text as they are.")
    boolean raw;

    @Option(names = "--bos", paramLabel = "tokenizer|template", description = "Prompts start with BOS when the"
            + " template writes none and the tokenizer adds it (tokenizer: as the SPIN reference and HF SFT scripts"
            + " tokenised), or exactly as the template writes them (template: as apply_chat_template). Never twice."
            + " Default: tokenizer.")
    String bos;

    @Option(names = "--prompt-turns", paramLabel = "conversation|first-turn", description = "Multi-turn data: the whole"
            + " conversation before the last answer is the prompt (conversation), or the system message and first user"
            + " turn, answered by the first assistant turn (first-turn: the SPIN reference's choice). Default: conversation.")
    String promptTurns;

    @Option(names = "--nll-alpha", paramLabel = "A", description = "SPIN only: add A times the NLL of the real response"
            + " (mean over its tokens) to the loss, as TRL's rpo_alpha; keeps the real answers' log-probs from falling"
            + " with the synthetic ones. Default: 0 (the paper's SPIN).")
    Double nllAlpha;

    @Option(names = "--kl-anchor", paramLabel = "A", description = "SPIN only: pull every iteration toward the base"
            + " model (α-SPIN, Alami et al. 2024): the loss's reference becomes the geometric mixture"
            + " opponent^(1-A)·base^A, A in [0, 1). Default: 0 (the paper's SPIN).")
    Double klAnchor;

    @Option(names = "--opponents", paramLabel = "H", description = "SPIN only: fictitious play (Alami et al. 2024):"
            + " each prompt's synthetic response comes from one of the latest H iterates (the base counts), and the"
            + " reference is their mixture. Default: 1 (the paper's SPIN).")
    Integer opponents;

    @Option(names = "--lora-rank", paramLabel = "R", description = "Train LoRA adapters of rank R (PEFT's LoRA)"
            + " instead of every weight: the base weights stay frozen, with no gradients or optimiser state, and each"
            + " iteration starts from the previous one's adapter. Default: full fine-tuning.")
    Integer loraRank;

    @Option(names = "--lora-alpha", paramLabel = "A", description = "LoRA alpha: the adapters' update is scaled by"
            + " A/R. Default: 8 (PEFT's).")
    Double loraAlpha;

    @Option(names = "--lora-dropout", paramLabel = "D", description = "Dropout on the adapters' input while"
            + " training, in [0, 1). Default: 0.")
    Double loraDropout;

    @Option(names = "--lora-targets", paramLabel = "q_proj,v_proj,...", description = "Projections of every decoder"
            + " block that get adapters (q_proj, k_proj, v_proj, o_proj, gate_proj, up_proj, down_proj), or"
            + " all-linear. Default: q_proj,v_proj (PEFT's for the Llama family).")
    String loraTargets;

    @Option(names = "--gradient-checkpointing", description = "Keep only each decoder block's input during the"
            + " forward pass and recompute the block in backward: activation memory of one block instead of all, for"
            + " about a third more compute. The gradients are the same.")
    boolean gradientCheckpointing;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the split, shuffles and sampling. Default: " + TrainingConfig.DEFAULT_SEED + ".")
    Long seed;

    @Option(names = "--save-steps", paramLabel = "K", description = "A resumable checkpoint every K steps; 0: iteration ends only. Default: " + TrainingConfig.DEFAULT_SAVE_STEPS + ".")
    Integer saveSteps;

    /**
     * The settings these options share between sft and spin, given on the command line, set on
     * {@code builder}, which holds the command's own (kind, iterations, sampling); then built.
     */
    TrainingConfig config(TrainingConfigBuilder builder) {
        builder.optRaw(raw).optFormat(promptFormat());
        set(epochs, builder::optEpochs);
        set(learningRate, builder::optLearningRate);
        set(weightDecay, builder::optWeightDecay);
        set(warmupRatio, builder::optWarmupRatio);
        set(schedule, text -> builder.optSchedule(TrainingConfig.Schedule.valueOf(text.toUpperCase(Locale.ROOT))));
        set(batchSize, builder::optBatchSize);
        set(gradientAccumulation, builder::optGradientAccumulation);
        set(maxGradNorm, builder::optMaxGradNorm);
        builder.optLengths(or(maxLength, DEFAULTS.maxLength()), or(maxPromptLength, DEFAULTS.maxPromptLength()));
        set(seed, builder::optSeed);
        set(saveSteps, builder::optSaveSteps);
        set(nllAlpha, builder::optNllAlpha);
        set(klAnchor, builder::optKlAnchor);
        set(opponents, builder::optOpponents);
        builder.optLora(lora());
        builder.optGradientCheckpointing(gradientCheckpointing);
        return builder.build();
    }

    /** The LoRA settings given, or null for full fine-tuning; alpha, dropout or targets alone are refused. */
    private LoraConfig lora() {
        if (loraRank == null) {
            if (loraAlpha != null || loraDropout != null || loraTargets != null) {
                throw new IllegalArgumentException("--lora-alpha, --lora-dropout and --lora-targets need --lora-rank.");
            }
            return null;
        }
        return new LoraConfig(loraRank, or(loraAlpha, LoraConfig.DEFAULT_ALPHA),
                or(loraDropout, LoraConfig.DEFAULT_DROPOUT),
                loraTargets == null ? LoraConfig.DEFAULT_TARGETS : LoraConfig.parseTargets(loraTargets));
    }

    private static <T> void set(T given, Consumer<T> setter) {
        if (given != null) {
            setter.accept(given);
        }
    }

    private PromptFormat promptFormat() {
        return new PromptFormat(bos == null ? BosPolicy.TOKENIZER : BosPolicy.ofId(bos),
                promptTurns == null ? PromptTurns.CONVERSATION : PromptTurns.ofId(promptTurns));
    }

    private static <T> T or(T given, T fallback) {
        return given != null ? given : fallback;
    }
}
