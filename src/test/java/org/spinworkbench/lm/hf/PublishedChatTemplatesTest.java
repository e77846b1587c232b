package org.spinworkbench.lm.hf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.spinworkbench.SharedFixtures;
import org.spinworkbench.lm.ChatMessage;

/**
 * The 95 chat templates that Hugging Face maps for popular model families, each rendered for
 * nine conversations and compared with what transformers' Jinja2 environment produced
 * ({@code ../shared/fixtures/chat-templates/expected.json}, written by its
 * {@code render_reference.py}). A template both refuse counts as agreeing. The clock is fixed
 * at the reference's instant, 2026-12-07 12:00, for {@code strftime_now}.
 */
class PublishedChatTemplatesTest {
    static final Clock REFERENCE_CLOCK = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void everyPublishedTemplateRendersAsTransformersDoes() throws IOException {
        Path root = SharedFixtures.chatTemplates();
        JsonArray cases = read(root.resolve("cases.json")).getAsJsonArray();
        JsonObject expected = read(root.resolve("expected.json")).getAsJsonObject();
        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<String, JsonElement> entry : expected.entrySet()) {
            Path folder = root.resolve("templates").resolve(entry.getKey());
            JsonArray results = entry.getValue().getAsJsonArray();
            ChatTemplate template;
            try {
                template = ChatTemplate.load(folder).withClock(REFERENCE_CLOCK);
            } catch (ChatTemplateException e) {
                disagreements.add(entry.getKey() + ": cannot load: " + e.getMessage());
                continue;
            }
            for (int i = 0; i < cases.size(); i++) {
                JsonObject conversation = cases.get(i).getAsJsonObject();
                JsonObject want = results.get(i).getAsJsonObject();
                String where = entry.getKey() + " / " + want.get("name").getAsString();
                List<ChatMessage> messages = messages(conversation.getAsJsonArray("messages"));
                boolean generationPrompt = conversation.get("add_generation_prompt").getAsBoolean();
                compare(where + " rendered", want.has("render_error") ? null : want.get("rendered").getAsString(),
                        () -> template.render(messages, generationPrompt), disagreements);
                compared++;
                if (conversation.has("response")) {
                    String response = conversation.get("response").getAsString();
                    String wantPrompt = string(want, "example_prompt");
                    String wantResponse = string(want, "example_response");
                    compare(where + " example prompt", wantPrompt, () -> template.render(messages, true), disagreements);
                    compare(where + " example response", wantPrompt == null ? null : wantResponse,
                            () -> template.renderExample(messages, response).response(), disagreements);
                    compared++;
                }
            }
        }
        assertEquals(95, expected.size(), "published templates in the fixture");
        assertTrue(compared >= 95 * 9, "cases compared: " + compared);
        assertTrue(disagreements.isEmpty(), disagreements.size() + " disagreements with transformers:\n"
                + String.join("\n", disagreements));
    }

    private static void compare(String where, String want, Supplier<String> render, List<String> disagreements) {
        String got;
        try {
            got = render.get();
        } catch (ChatTemplateException e) {
            if (want != null) {
                disagreements.add(where + ": refused (" + e.getMessage() + ") where transformers gives "
                        + quote(want));
            }
            return;
        }
        if (want == null) {
            disagreements.add(where + ": rendered " + quote(got) + " where transformers refuses");
        } else if (!want.equals(got)) {
            disagreements.add(where + ": rendered " + quote(got) + " where transformers gives " + quote(want));
        }
    }

    private static String string(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    private static List<ChatMessage> messages(JsonArray array) {
        List<ChatMessage> messages = new ArrayList<>();
        for (JsonElement element : array) {
            JsonObject message = element.getAsJsonObject();
            messages.add(new ChatMessage(message.get("role").getAsString(), message.get("content").getAsString()));
        }
        return messages;
    }

    private static String quote(String text) {
        String shown = text.length() > 300 ? text.substring(0, 300) + "…" : text;
        return "\"" + shown.replace("\n", "\\n") + "\"";
    }

    private static JsonElement read(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
    }
}
