package org.spinworkbench.lm.hf;

/**
 * Whether a prompt starts with the BOS token when its chat template does not write one
 * (TinyLlama's and zephyr's templates do not; Llama 3's and Mistral's do).
 *
 * <p>The two ecosystems disagree: transformers' {@code apply_chat_template(tokenize=True)}
 * adds no special tokens, so such prompts start without BOS; the SPIN reference trainer (the
 * DPO trainer of TRL it was built on), and the alignment-handbook SFT that made zephyr-7b-sft,
 * tokenise the rendered text with the tokenizer's special tokens, so those models were
 * trained with BOS first. Either way BOS is never written twice.
 */
public enum BosPolicy {
    /**
     * The default: BOS first when the tokenizer adds it to text by itself
     * ({@code add_bos_token} of {@code tokenizer_config.json}, else its post-processor), as the
     * SPIN reference and Hugging Face SFT scripts saw their data; nothing for tokenizers that
     * add none (Qwen2, Llama 3).
     */
    TOKENIZER,
    /** Exactly the template's text, as {@code apply_chat_template(tokenize=True)} gives it. */
    TEMPLATE;

    /** The command-line and stored spelling: {@code tokenizer} or {@code template}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static BosPolicy ofId(String id) {
        for (BosPolicy policy : values()) {
            if (policy.id().equals(id)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("Unknown BOS choice \"" + id + "\": expected tokenizer or template.");
    }
}
