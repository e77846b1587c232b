package org.spinworkbench.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spinworkbench.data.JsonLines;
import org.spinworkbench.io.Problems;
import org.spinworkbench.lm.ChatMessage;
import org.spinworkbench.lm.hf.ChatTemplate;
import org.spinworkbench.lm.hf.ChatTemplateException;
import org.spinworkbench.lm.hf.TextTokenizer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code template}: a conversation through a model's chat template, as transformers'
 * {@code apply_chat_template} renders it ({@code tokenize=True} adds no special tokens), for
 * scripts and for debugging templates. A folder with only {@code tokenizer_config.json} is
 * enough for the text; the ids need {@code tokenizer.json}.
 */
@Command(name = "template", mixinStandardHelpOptions = true,
        description = "Render conversations through a model's chat template, as transformers' apply_chat_template does.")
public final class TemplateCommand implements Callable<Integer> {
    private static final Gson JSON = new GsonBuilder().disableHtmlEscaping().create();

    @Option(names = "--model", paramLabel = "DIR", required = true,
            description = "Model folder: tokenizer_config.json (or chat_template.jinja); tokenizer.json for token ids.")
    Path model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--messages", paramLabel = "FILE.json", description = "One JSON list of {\"role\", \"content\"} messages.")
        Path messages;

        @Option(names = "--input", paramLabel = "FILE.jsonl",
                description = "One {\"messages\": [...], \"add_generation_prompt\": true|false} per line; prints one JSON"
                        + " line each, {\"text\", \"token_ids\"} or {\"error\"}.")
        Path input;
    }

    @Option(names = "--add-generation-prompt", description = "End where the assistant's answer begins (--messages only).")
    boolean addGenerationPrompt;

    @Option(names = "--json", description = "Print {\"text\": ..., \"token_ids\": [...]} instead of the text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ChatTemplate template = ChatTemplate.load(model);
        if (template.isFallback()) {
            spec.commandLine().getErr().println(model + " has no chat template; rendering with the default ChatML template.");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (TextTokenizer tokenizer = Files.isRegularFile(model.resolve("tokenizer.json")) ? TextTokenizer.load(model) : null) {
            if (source.messages != null) {
                return renderOne(template, tokenizer, out);
            }
            for (JsonLines.Line line : JsonLines.read(source.input)) {
                out.println(JSON.toJson(renderLine(template, tokenizer, line)));
            }
            out.flush();
            return 0;
        }
    }

    private int renderOne(ChatTemplate template, TextTokenizer tokenizer, PrintWriter out) throws IOException {
        List<ChatMessage> messages = messages(readJson(source.messages), source.messages.toString());
        String text;
        try {
            text = template.render(messages, addGenerationPrompt);
        } catch (ChatTemplateException e) {
            spec.commandLine().getErr().println(e.reason());
            spec.commandLine().getErr().flush();
            return 1;
        }
        if (json) {
            out.println(JSON.toJson(result(text, tokenizer)));
        } else {
            out.print(text);
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> renderLine(ChatTemplate template, TextTokenizer tokenizer, JsonLines.Line line) {
        Map<String, Object> error = new LinkedHashMap<>();
        try {
            List<ChatMessage> messages = messages(line.object().get("messages"), "line " + line.number());
            JsonElement generation = line.object().get("add_generation_prompt");
            boolean addGenerationPrompt = generation != null && generation.isJsonPrimitive()
                    && generation.getAsJsonPrimitive().isBoolean() && generation.getAsBoolean();
            return result(template.render(messages, addGenerationPrompt), tokenizer);
        } catch (ChatTemplateException e) {
            error.put("error", e.reason());
        } catch (IllegalArgumentException e) {
            error.put("error", Problems.describe(e));
        }
        return error;
    }

    private static Map<String, Object> result(String text, TextTokenizer tokenizer) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("text", text);
        if (tokenizer != null) {
            result.put("token_ids", tokenizer.encode(text, false));
        }
        return result;
    }

    private static JsonElement readJson(Path file) throws IOException {
        try {
            return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** A JSON list of {"role", "content"} objects; {@code where} names it in errors. */
    private static List<ChatMessage> messages(JsonElement element, String where) {
        if (element == null || !element.isJsonArray()) {
            throw new IllegalArgumentException(where + ": \"messages\" must be a list of {\"role\", \"content\"} objects.");
        }
        JsonArray array = element.getAsJsonArray();
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonElement item = array.get(i);
            JsonObject message = item.isJsonObject() ? item.getAsJsonObject() : null;
            JsonElement role = message == null ? null : message.get("role");
            JsonElement content = message == null ? null : message.get("content");
            if (!isString(role) || !isString(content)) {
                throw new IllegalArgumentException(where + ": message " + (i + 1)
                        + " needs \"role\" and \"content\" as strings, found " + item + ".");
            }
            messages.add(new ChatMessage(role.getAsString(), content.getAsString()));
        }
        return messages;
    }

    private static boolean isString(JsonElement value) {
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
    }
}
