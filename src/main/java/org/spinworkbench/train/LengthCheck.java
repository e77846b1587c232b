package org.spinworkbench.train;

import java.util.Locale;
import org.spinworkbench.data.Example;
import org.spinworkbench.data.ExampleCheck;
import org.spinworkbench.lm.ChatMessage;

/**
 * Refuses a row whose text is far longer than the run can use, before it reaches the
 * tokenizer: tokenising costs hundreds of bytes per token, so a 50 MB row would take tens of
 * gigabytes only for all but its last few hundred tokens to be cut away. The bound is
 * {@value #CHARS_PER_TOKEN} characters per token of {@code --max-length}: prompts several times
 * longer than the run keeps are still read (and cut from the start, as the reference does);
 * only rows that exceed it by an order of magnitude are refused, as a row problem with their
 * line number, which {@code --skip-bad-rows} skips.
 */
public final class LengthCheck implements ExampleCheck {
    /** Characters allowed per token of max length: more than any tokenizer packs into a token on average. */
    public static final int CHARS_PER_TOKEN = 32;

    private final int maxLength;

    private LengthCheck(int maxLength) {
        this.maxLength = maxLength;
    }

    /** The check for a run whose sequences hold at most {@code maxLength} tokens. */
    public static LengthCheck of(int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("max length must be positive, got " + maxLength);
        }
        return new LengthCheck(maxLength);
    }

    /** The most characters a row of this run may have, prompt and longest response together. */
    public long maxChars() {
        return (long) maxLength * CHARS_PER_TOKEN;
    }

    @Override
    public String problem(Example example) {
        long chars = 0;
        for (ChatMessage message : example.prompt()) {
            chars += message.content().length();
        }
        int generated = example.generatedResponse() == null ? 0 : example.generatedResponse().length();
        chars += Math.max(example.realResponse().length(), generated);
        if (chars <= maxChars()) {
            return null;
        }
        return String.format(Locale.ROOT, "%,d characters, more than a run with max length %d can use"
                + " (at most %,d, %d per token); shorten the row or skip it", chars, maxLength, maxChars(),
                CHARS_PER_TOKEN);
    }
}
