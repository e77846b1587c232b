package org.spinworkbench.data;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.spinworkbench.io.Problems;
import org.spinworkbench.lm.ChatMessage;

/**
 * A conversation split where training needs it: the prompt (every message before the final
 * assistant message) and the response (that message's content).
 *
 * <p>The order is checked because chat templates assume it and fail, or silently render
 * nonsense, otherwise: an optional system message first, then user and assistant taking
 * turns, starting with the user and ending with the assistant.
 */
record Conversation(List<ChatMessage> prompt, String response) {
    /** The roles of the chat {@code messages} layout, mapped to themselves. */
    static final Map<String, String> CHAT_ROLES = Map.of(
            ChatMessage.SYSTEM, ChatMessage.SYSTEM,
            ChatMessage.USER, ChatMessage.USER,
            ChatMessage.ASSISTANT, ChatMessage.ASSISTANT);

    /**
     * Reads the list under {@code field}: objects with a role under {@code roleKey} (mapped to
     * ours through {@code roles}) and text under {@code contentKey}.
     */
    static List<ChatMessage> messages(JsonObject row, String field, String roleKey, String contentKey,
                                      Map<String, String> roles) {
        JsonArray list = Fields.list(row, field);
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = "message " + (i + 1) + " of \"" + field + "\"";
            JsonElement element = list.get(i);
            if (!element.isJsonObject()) {
                throw new RowProblem(where + " must be an object, found " + Fields.kind(element));
            }
            String role = inMessage(element.getAsJsonObject(), roleKey, where);
            String ours = roles.get(role);
            if (ours == null) {
                throw new RowProblem(where + " has the unknown role \"" + role + "\" (expected "
                        + String.join(", ", roles.keySet().stream().sorted().toList()) + ")");
            }
            messages.add(new ChatMessage(ours, inMessage(element.getAsJsonObject(), contentKey, where)));
        }
        return messages;
    }

    private static String inMessage(JsonObject message, String key, String where) {
        try {
            return Fields.text(message, key);
        } catch (RowProblem e) {
            throw new RowProblem(where + ": " + Problems.describe(e));
        }
    }

    /**
     * Checks the turn order of {@code messages} (read from {@code field}) and splits off the
     * final answer; {@code allowEmptyResponse} is for model output, which may legitimately be
     * empty (a model can end its answer at once), unlike a reference answer.
     */
    static Conversation split(List<ChatMessage> messages, String field, boolean allowEmptyResponse) {
        if (messages.isEmpty()) {
            throw new RowProblem("\"" + field + "\" has no messages");
        }
        String expected = ChatMessage.USER;
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage message = messages.get(i);
            String role = message.role();
            if (role.equals(ChatMessage.SYSTEM)) {
                if (i > 0) {
                    throw new RowProblem("message " + (i + 1) + " of \"" + field + "\" is a system message; only the first may be");
                }
                continue;
            }
            if (!role.equals(expected)) {
                throw new RowProblem(outOfTurn(messages, i, field));
            }
            if (role.equals(ChatMessage.USER) && message.content().isBlank()) {
                throw new RowProblem("message " + (i + 1) + " of \"" + field + "\" (user) is empty");
            }
            expected = role.equals(ChatMessage.USER) ? ChatMessage.ASSISTANT : ChatMessage.USER;
        }
        ChatMessage last = messages.get(messages.size() - 1);
        if (!last.role().equals(ChatMessage.ASSISTANT)) {
            throw new RowProblem("\"" + field + "\" must end with the assistant's response; its last message is from the "
                    + last.role());
        }
        if (!allowEmptyResponse && last.content().isBlank()) {
            throw new RowProblem("empty response (the last message of \"" + field + "\")");
        }
        return new Conversation(messages.subList(0, messages.size() - 1), last.content());
    }

    private static String outOfTurn(List<ChatMessage> messages, int i, String field) {
        boolean first = i == 0 || (i == 1 && messages.get(0).role().equals(ChatMessage.SYSTEM));
        if (first) {
            return "\"" + field + "\" must start with a user message (after an optional system message), found "
                    + messages.get(i).role();
        }
        String who = messages.get(i).role().equals(ChatMessage.USER) ? "user" : "assistant";
        return "two " + who + " messages in a row (messages " + i + " and " + (i + 1) + " of \"" + field + "\")";
    }
}
