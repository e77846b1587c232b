package org.spinworkbench.lm.hf;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.spinworkbench.lm.ChatMessage;

/**
 * A model's chat template: the Jinja program from {@code tokenizer_config.json} that turns a
 * conversation into the exact text the model was fine-tuned on. SPIN generates and trains
 * through this one object, so the prompt a model answers at generation time is the prompt it
 * is scored on at training time (DESIGN.md §2 step 1).
 *
 * <p>Templates are rendered as {@code transformers} renders them (see
 * {@link HuggingFaceJinja}), with the variables {@code messages} (maps with {@code role} and
 * {@code content}), {@code add_generation_prompt}, and the special tokens of
 * {@code tokenizer_config.json} ({@code bos_token}, {@code eos_token}, {@code pad_token},
 * {@code unk_token}) as strings. A model without a template gets {@link #CHATML}.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class ChatTemplate {
    /**
     * The template used when a model has none: ChatML, as Hugging Face's former default.
     * Each turn is {@code <|im_start|>role\ncontent<|im_end|>\n}; the generation prompt is
     * {@code <|im_start|>assistant\n}. The workbench's own tokenizer ships it too.
     */
    public static final String CHATML = "{% for message in messages %}"
            + "{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}"
            + "{% endfor %}"
            + "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

    private static final String[] SPECIAL_TOKEN_KEYS = {"bos_token", "eos_token", "pad_token", "unk_token"};

    private final String source;
    private final Map<String, String> specialTokens;
    private final boolean fallback;
    private final Clock clock;
    private final HuggingFaceJinja jinja = new HuggingFaceJinja();

    private ChatTemplate(String source, Map<String, String> specialTokens, boolean fallback, Clock clock) {
        this.source = source;
        this.specialTokens = Map.copyOf(specialTokens);
        this.fallback = fallback;
        this.clock = clock;
    }

    private ChatTemplate(String source, Map<String, String> specialTokens, boolean fallback) {
        this(source, specialTokens, fallback, Clock.systemDefaultZone());
    }

    /**
     * The same template reading the time from {@code clock} ({@code strftime_now} of Llama 3.x,
     * Granite and others prints today's date), so tests and reproductions can fix it.
     */
    public ChatTemplate withClock(Clock clock) {
        return new ChatTemplate(source, specialTokens, fallback, Objects.requireNonNull(clock, "clock"));
    }

    /**
     * The template of a model folder: {@code chat_template.jinja} where present (newer
     * {@code transformers} save it there), else {@code chat_template} of
     * {@code tokenizer_config.json} (a string, or a list of named templates of which
     * "default" is taken), else {@link #CHATML}.
     */
    public static ChatTemplate load(Path modelDir) {
        if (!Files.isDirectory(modelDir)) {
            throw new TokenizerException("The model folder " + modelDir + " does not exist.");
        }
        Path configFile = modelDir.resolve(TokenizerFiles.TOKENIZER_CONFIG_JSON);
        Optional<JsonObject> config = TokenizerFiles.readOptional(modelDir, TokenizerFiles.TOKENIZER_CONFIG_JSON)
                .map(text -> TokenizerFiles.parseObject(text, configFile));
        Map<String, String> tokens = new HashMap<>();
        config.ifPresent(json -> {
            for (String key : SPECIAL_TOKEN_KEYS) {
                String token = TokenizerFiles.tokenContent(json, key, configFile);
                if (token != null) {
                    tokens.put(key, token);
                }
            }
        });
        Optional<String> source = TokenizerFiles.readOptional(modelDir, TokenizerFiles.CHAT_TEMPLATE_JINJA)
                .or(() -> config.flatMap(json -> templateIn(json, configFile)));
        return new ChatTemplate(source.orElse(CHATML), tokens, source.isEmpty());
    }

    /** A template given as text, with the BOS and EOS strings it may refer to (either may be null). */
    public static ChatTemplate of(String source, String bosToken, String eosToken) {
        Objects.requireNonNull(source, "source");
        Map<String, String> tokens = new HashMap<>();
        if (bosToken != null) {
            tokens.put("bos_token", bosToken);
        }
        if (eosToken != null) {
            tokens.put("eos_token", eosToken);
        }
        return new ChatTemplate(source, tokens, false);
    }

    /** {@link #CHATML}, marked as the fallback. */
    public static ChatTemplate chatMl() {
        return new ChatTemplate(CHATML, Map.of(), true);
    }

    /** The Jinja source, as the model folder has it. */
    public String source() {
        return source;
    }

    /** True when the model had no template and {@link #CHATML} stands in: worth telling the user. */
    public boolean isFallback() {
        return fallback;
    }

    /**
     * The conversation as text. With {@code addGenerationPrompt}, the text ends where the
     * assistant's next turn begins (for templates that support it).
     *
     * @throws ChatTemplateException when the template rejects the conversation (e.g. roles
     *                               that do not alternate) or cannot be rendered
     */
    public String render(List<ChatMessage> messages, boolean addGenerationPrompt) {
        List<Map<String, Object>> turns = new ArrayList<>(messages.size());
        for (ChatMessage message : messages) {
            Map<String, Object> turn = new LinkedHashMap<>();
            turn.put("role", message.role());
            turn.put("content", message.content());
            turns.add(turn);
        }
        Map<String, Object> variables = new HashMap<>(specialTokens);
        variables.put("messages", turns);
        variables.put("add_generation_prompt", addGenerationPrompt);
        variables.put("tools", null);
        variables.put("documents", null);
        return jinja.render(source, variables, clock);
    }

    /**
     * Renders a training example and cuts it where the response starts, as SPIN needs it:
     * the prompt is {@code render(prompt, true)}, the conversation is
     * {@code render(prompt + assistant(response), false)}, and the response is what the
     * conversation adds after the prompt.
     *
     * @param prompt   the turns before the response (system and user); the last is not the assistant's
     * @param response the assistant's answer, real or synthetic
     * @throws ChatTemplateException when the rendered prompt is not the beginning of the
     *                               rendered conversation, so no cut would be honest
     */
    public RenderedExample renderExample(List<ChatMessage> prompt, String response) {
        Objects.requireNonNull(response, "response");
        if (prompt.isEmpty()) {
            throw new IllegalArgumentException("A training example needs at least one prompt message.");
        }
        if (prompt.get(prompt.size() - 1).role().equals(ChatMessage.ASSISTANT)) {
            throw new IllegalArgumentException("The prompt of a training example must not end with an assistant turn.");
        }
        String promptText = render(prompt, true);
        List<ChatMessage> conversation = new ArrayList<>(prompt);
        conversation.add(ChatMessage.assistant(response));
        String conversationText = render(conversation, false);
        if (!conversationText.startsWith(promptText)) {
            throw new ChatTemplateException(notAPrefix(promptText, conversationText));
        }
        return new RenderedExample(promptText, conversationText.substring(promptText.length()));
    }

    private static Optional<String> templateIn(JsonObject config, Path configFile) {
        JsonElement template = config.get("chat_template");
        if (template == null || template.isJsonNull()) {
            return Optional.empty();
        }
        if (template.isJsonPrimitive() && template.getAsJsonPrimitive().isString()) {
            return Optional.of(template.getAsString());
        }
        if (template.isJsonArray()) {
            List<String> names = new ArrayList<>();
            for (JsonElement entry : template.getAsJsonArray()) {
                JsonElement name = entry.isJsonObject() ? entry.getAsJsonObject().get("name") : null;
                JsonElement text = entry.isJsonObject() ? entry.getAsJsonObject().get("template") : null;
                if (name == null || text == null || !name.isJsonPrimitive() || !text.isJsonPrimitive()) {
                    throw new ChatTemplateException(configFile + ": each entry of \"chat_template\" should be"
                            + " {\"name\": ..., \"template\": ...}, but one is " + entry + ".");
                }
                if (name.getAsString().equals("default")) {
                    return Optional.of(text.getAsString());
                }
                names.add(name.getAsString());
            }
            throw new ChatTemplateException(configFile + " has chat templates named " + names
                    + " but none named \"default\", the one used for chat.");
        }
        throw new ChatTemplateException(configFile + ": \"chat_template\" should be a string or a list of named"
                + " templates, but is " + TokenizerFiles.kind(template) + ".");
    }

    private static String notAPrefix(String prompt, String conversation) {
        int at = 0;
        while (at < prompt.length() && at < conversation.length() && prompt.charAt(at) == conversation.charAt(at)) {
            at++;
        }
        return "The chat template renders the prompt differently on its own than at the start of the full"
                + " conversation, so the response cannot be cut off from it. They part at character " + at
                + ": the prompt continues with \"" + excerpt(prompt, at) + "\", the conversation with \""
                + excerpt(conversation, at) + "\".";
    }

    private static String excerpt(String text, int from) {
        String part = text.substring(from, Math.min(text.length(), from + 40));
        return part.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }
}
