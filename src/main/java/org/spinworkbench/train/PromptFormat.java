package org.spinworkbench.train;

import org.spinworkbench.data.PromptTurns;
import org.spinworkbench.lm.hf.BosPolicy;

/**
 * How a run turns conversations into prompt tokens beyond the chat template itself: whether
 * prompts begin with BOS when the template writes none ({@link BosPolicy}), and which turns of
 * a multi-turn conversation make the prompt ({@link PromptTurns}). Stored with the run; runs
 * stored before these choices existed read as {@link #DEFAULT}.
 */
public record PromptFormat(BosPolicy bos, PromptTurns turns) {
    public static final PromptFormat DEFAULT = new PromptFormat(BosPolicy.TOKENIZER, PromptTurns.CONVERSATION);

    public PromptFormat {
        bos = bos == null ? BosPolicy.TOKENIZER : bos;
        turns = turns == null ? PromptTurns.CONVERSATION : turns;
    }
}
