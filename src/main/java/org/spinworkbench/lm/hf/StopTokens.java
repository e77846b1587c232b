package org.spinworkbench.lm.hf;

import java.util.LinkedHashSet;
import java.util.Set;
import org.spinworkbench.lm.ModelConfig;

/** Which ids end generation and which pad a batch, from config.json and the tokenizer together. */
final class StopTokens {
    private StopTokens() {
    }

    /**
     * Every id that ends an answer: generation_config.json's eos list (what transformers'
     * {@code generate()} stops at), config.json's eos ids, and the tokenizer's eos token.
     */
    static Set<Integer> eos(ModelConfig config, GenerationConfig generation, TextTokenizer tokenizer) {
        Set<Integer> ids = new LinkedHashSet<>(generation.eosTokenIds());
        ids.addAll(config.eosTokenIds());
        Integer fromTokenizer = tokenizer.specialTokens().eosTokenId();
        if (fromTokenizer != null) {
            ids.add(fromTokenizer);
        }
        return ids;
    }

    /** The tokenizer's pad token, else the first eos id, else 0; padding is masked anyway. */
    static int pad(ModelConfig config, GenerationConfig generation, TextTokenizer tokenizer) {
        Integer pad = tokenizer.specialTokens().padTokenId();
        return pad != null ? pad : eos(config, generation, tokenizer).stream().findFirst().orElse(0);
    }
}
