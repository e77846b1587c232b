package org.spinworkbench.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.spinworkbench.lm.ChatMessage;

/**
 * Which turns of a multi-turn conversation make the prompt.
 *
 * <p>{@link #CONVERSATION}, the default, keeps the whole conversation before the final
 * assistant answer: the model answers the last user turn knowing everything said before.
 * {@link #FIRST_TURN} is what the SPIN reference ({@code uclaml/SPIN}, {@code
 * apply_chat_template} for the "spin" task) trains on: the system message (an empty one when
 * the conversation has none) and the first user turn, answered by the first assistant turn,
 * so results can be compared with published runs. For single-turn data the two differ only in
 * that empty system message.
 */
public enum PromptTurns {
    CONVERSATION,
    FIRST_TURN;

    /** The command-line and stored spelling: {@code conversation} or {@code first-turn}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static PromptTurns ofId(String id) {
        for (PromptTurns turns : values()) {
            if (turns.id().equals(id)) {
                return turns;
            }
        }
        throw new IllegalArgumentException("Unknown prompt turns \"" + id + "\": expected conversation or first-turn.");
    }

    /** The example as this choice sees it. */
    public Example apply(Example example) {
        if (this == CONVERSATION) {
            return example;
        }
        List<ChatMessage> prompt = example.prompt();
        List<ChatMessage> first = new ArrayList<>();
        first.add(prompt.get(0).role().equals(ChatMessage.SYSTEM) ? prompt.get(0) : ChatMessage.system(""));
        int user = prompt.get(0).role().equals(ChatMessage.SYSTEM) ? 1 : 0;
        first.add(prompt.get(user));
        boolean singleTurn = user + 1 == prompt.size();
        if (singleTurn) {
            return new Example(example.row(), first, example.realResponse(), example.generatedResponse());
        }
        // The first answer is the turn after the first user turn; a synthetic answer in the
        // data answers the last turn, not this one, so it is not carried over.
        return new Example(example.row(), first, prompt.get(user + 1).content(), null);
    }
}
