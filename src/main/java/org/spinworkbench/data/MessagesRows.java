package org.spinworkbench.data;

import com.google.gson.JsonObject;

/** {@code {"messages": [{"role": "user", "content": ...}, {"role": "assistant", ...}]}}; other keys are ignored. */
final class MessagesRows implements RowFormat {
    @Override
    public Example toExample(int row, JsonObject fields) {
        Conversation conversation = Conversation.split(
                Conversation.messages(fields, "messages", "role", "content", Conversation.CHAT_ROLES), "messages", false);
        return new Example(row, conversation.prompt(), conversation.response(), null);
    }
}
