package org.spinworkbench.data;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.spinworkbench.lm.ChatMessage;

/**
 * ShareGPT: {@code conversations} of {@code {"from": ..., "value": ...}}, {@code from} being
 * {@code human}/{@code gpt}/{@code system} (or {@code user}/{@code assistant}, which some
 * exports write). An optional top-level {@code system} text (as LLaMA-Factory's ShareGPT
 * files carry) becomes the system message when the conversation has none.
 */
final class ShareGptRows implements RowFormat {
    private static final Map<String, String> ROLES = Map.of(
            "human", ChatMessage.USER,
            "user", ChatMessage.USER,
            "gpt", ChatMessage.ASSISTANT,
            "assistant", ChatMessage.ASSISTANT,
            "system", ChatMessage.SYSTEM);

    @Override
    public Example toExample(int row, JsonObject fields) {
        List<ChatMessage> messages = new ArrayList<>(Conversation.messages(fields, "conversations", "from", "value", ROLES));
        String system = Fields.optionalText(fields, "system");
        boolean hasSystem = !messages.isEmpty() && messages.get(0).role().equals(ChatMessage.SYSTEM);
        if (system != null && !system.isBlank() && !hasSystem) {
            messages.add(0, ChatMessage.system(system));
        }
        Conversation conversation = Conversation.split(messages, "conversations", false);
        return new Example(row, conversation.prompt(), conversation.response(), null);
    }
}
