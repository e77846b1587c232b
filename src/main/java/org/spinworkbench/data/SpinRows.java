package org.spinworkbench.data;

import com.google.gson.JsonObject;
import java.util.List;
import org.spinworkbench.lm.ChatMessage;

/**
 * The SPIN reference layout (as in UCLA-AGI/SPIN_iter0): {@code real} is the conversation
 * with the reference answer, {@code generated} the same prompt with a model's answer. The two
 * prompts must be identical, or the pair would compare answers to different questions.
 * {@code generated} may be absent: a file of real conversations alone is still usable, the
 * workbench generates its own synthetic answers each iteration.
 */
final class SpinRows implements RowFormat {
    @Override
    public Example toExample(int row, JsonObject fields) {
        Conversation real = Conversation.split(
                Conversation.messages(fields, "real", "role", "content", Conversation.CHAT_ROLES), "real", false);
        if (!fields.has("generated") || fields.get("generated").isJsonNull()) {
            return new Example(row, real.prompt(), real.response(), null);
        }
        Conversation generated = Conversation.split(
                Conversation.messages(fields, "generated", "role", "content", Conversation.CHAT_ROLES), "generated", true);
        requireSamePrompt(real.prompt(), generated.prompt());
        return new Example(row, real.prompt(), real.response(), generated.response());
    }

    private static void requireSamePrompt(List<ChatMessage> real, List<ChatMessage> generated) {
        for (int i = 0; i < Math.min(real.size(), generated.size()); i++) {
            if (!real.get(i).equals(generated.get(i))) {
                throw new RowProblem("the prompt in \"generated\" differs from the one in \"real\" at message " + (i + 1));
            }
        }
        if (real.size() != generated.size()) {
            throw new RowProblem("the prompt in \"generated\" has " + generated.size() + " messages, the one in \"real\" "
                    + real.size());
        }
    }
}
