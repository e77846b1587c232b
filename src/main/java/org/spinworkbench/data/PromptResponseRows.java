package org.spinworkbench.data;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.spinworkbench.lm.ChatMessage;

/** Plain {@code prompt} and {@code response} (JSON Lines or CSV columns), with an optional {@code system}. */
final class PromptResponseRows implements RowFormat {
    @Override
    public Example toExample(int row, JsonObject fields) {
        String prompt = Fields.nonBlankText(fields, "prompt", "prompt");
        String response = Fields.nonBlankText(fields, "response", "response");
        String system = Fields.optionalText(fields, "system");
        List<ChatMessage> messages = new ArrayList<>();
        if (system != null && !system.isBlank()) {
            messages.add(ChatMessage.system(system));
        }
        messages.add(ChatMessage.user(prompt));
        return new Example(row, messages, response, null);
    }
}
