package org.spinworkbench.lm.hf;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.spinworkbench.lm.JsonProblem;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The tokenizer files of a Hugging Face model folder and the JSON conventions they share.
 * Reading goes through here so every broken file is reported the same way: which file, in
 * which folder, and what is wrong with it.
 */
final class TokenizerFiles {
    static final String TOKENIZER_JSON = "tokenizer.json";
    static final String TOKENIZER_CONFIG_JSON = "tokenizer_config.json";
    static final String CHAT_TEMPLATE_JINJA = "chat_template.jinja";

    private TokenizerFiles() {
    }

    /** The whole file as text; a missing file is an error that names the folder. */
    static String readRequired(Path modelDir, String fileName) {
        Path file = modelDir.resolve(fileName);
        if (!Files.isDirectory(modelDir)) {
            throw new TokenizerException("The model folder " + modelDir + " does not exist.");
        }
        if (!Files.isRegularFile(file)) {
            throw new TokenizerException("The model folder " + modelDir + " has no " + fileName
                    + ": a Hugging Face model needs it to turn text into tokens.");
        }
        return readText(file);
    }

    /** The file as text, or empty when the folder does not have it (optional files). */
    static Optional<String> readOptional(Path modelDir, String fileName) {
        Path file = modelDir.resolve(fileName);
        return Files.isRegularFile(file) ? Optional.of(readText(file)) : Optional.empty();
    }

    /** Parses a file's text as a JSON object; {@code file} is only for the message. */
    static JsonObject parseObject(String text, Path file) {
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new TokenizerException(file + " is not valid JSON: " + JsonProblem.describe(e), e);
        }
        if (!parsed.isJsonObject()) {
            throw new TokenizerException(file + " should hold a JSON object, but holds " + kind(parsed) + ".");
        }
        return parsed.getAsJsonObject();
    }

    /**
     * A special token as {@code tokenizer_config.json} writes it: a plain string, or an
     * AddedToken object whose {@code content} is the token. Null when absent or null.
     */
    static String tokenContent(JsonObject config, String key, Path file) {
        JsonElement value = config.get(key);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            return value.getAsString();
        }
        if (value.isJsonObject()) {
            JsonElement content = value.getAsJsonObject().get("content");
            if (content != null && content.isJsonPrimitive() && content.getAsJsonPrimitive().isString()) {
                return content.getAsString();
            }
        }
        throw new TokenizerException(file + ": \"" + key + "\" should be a token string or an object with a"
                + " \"content\" string, but is " + value + ".");
    }

    static String kind(JsonElement element) {
        if (element.isJsonNull()) {
            return "null";
        }
        if (element.isJsonArray()) {
            return "an array";
        }
        if (element.isJsonObject()) {
            return "an object";
        }
        return "the value " + element;
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new TokenizerException("Cannot read " + file + ": it is not UTF-8 text.", e);
        } catch (IOException e) {
            throw new TokenizerException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
