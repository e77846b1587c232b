package org.spinworkbench.lm;

import java.util.List;
import java.util.Objects;

/**
 * One turn of a conversation, as chat templates see it: {@code role} is usually
 * {@code "system"}, {@code "user"} or {@code "assistant"}; templates decide which roles they
 * accept and in what order. The content is kept verbatim (no trimming): whether whitespace
 * matters is the template's business.
 */
public record ChatMessage(String role, String content) {
    public static final String SYSTEM = "system";
    public static final String USER = "user";
    public static final String ASSISTANT = "assistant";

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        if (role.isBlank()) {
            throw new IllegalArgumentException("A chat message needs a role.");
        }
    }

    public static ChatMessage system(String content) {
        return new ChatMessage(SYSTEM, content);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage(USER, content);
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage(ASSISTANT, content);
    }

    /**
     * A prompt as the samples table and the compare view show it: the one message's content,
     * or "role: content" lines for a conversation.
     */
    public static String shown(List<ChatMessage> prompt) {
        if (prompt.size() == 1) {
            return prompt.get(0).content();
        }
        StringBuilder text = new StringBuilder();
        for (ChatMessage message : prompt) {
            text.append(message.role()).append(": ").append(message.content()).append('\n');
        }
        return text.toString().strip();
    }
}
