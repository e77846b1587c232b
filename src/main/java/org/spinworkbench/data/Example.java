package org.spinworkbench.data;

import java.util.List;
import java.util.Objects;
import org.spinworkbench.lm.ChatMessage;

/**
 * One training example: the conversation before the answer, the real answer, and (SPIN layout
 * only) a synthetic answer already in the data, else {@code null}. {@code row} is the 1-based
 * line (JSON Lines, CSV) or record index (JSON array, Parquet) it came from, used in every
 * message about it.
 */
public record Example(int row, List<ChatMessage> prompt, String realResponse, String generatedResponse) {
    public Example {
        prompt = List.copyOf(prompt);
        Objects.requireNonNull(realResponse, "realResponse");
    }
}
