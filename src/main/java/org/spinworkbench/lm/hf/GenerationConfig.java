package org.spinworkbench.lm.hf;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code generation_config.json} of a model folder: what transformers' {@code generate()}
 * uses by default. Above all its {@code eos_token_id}, which may list several ids where
 * {@code config.json} names one (Llama 3 Instruct ends turns with {@code <|eot_id|>} 128009
 * beside {@code <|end_of_text|>} 128001; Qwen2 with {@code <|im_end|>} beside
 * {@code <|endoftext|>}). Also its sampling defaults. A folder without the file has none of
 * these; the file is kept byte for byte when the model is saved.
 */
public final class GenerationConfig {
    public static final String FILE = "generation_config.json";
    static final GenerationConfig NONE = new GenerationConfig(new JsonObject(), null);

    private final JsonObject json;
    private final Path file;

    private GenerationConfig(JsonObject json, Path file) {
        this.json = json;
        this.file = file;
    }

    /** The folder's file, or {@link #NONE} when it has none; a malformed file or eos list is named now, not at generation. */
    public static GenerationConfig read(Path folder) {
        Path file = folder.resolve(FILE);
        GenerationConfig config = TokenizerFiles.readOptional(folder, FILE)
                .map(text -> new GenerationConfig(TokenizerFiles.parseObject(text, file), file))
                .orElse(NONE);
        config.eosTokenIds();
        return config;
    }

    /** {@code eos_token_id} as a list (an int or a list in the file); empty when absent. */
    public List<Integer> eosTokenIds() {
        JsonElement eos = json.get("eos_token_id");
        List<Integer> ids = new ArrayList<>();
        if (eos == null || eos.isJsonNull()) {
            return ids;
        }
        if (eos.isJsonArray()) {
            eos.getAsJsonArray().forEach(id -> ids.add(tokenId(id)));
        } else {
            ids.add(tokenId(eos));
        }
        return ids;
    }

    /** {@code temperature}, when the file sets it. */
    public OptionalDouble temperature() {
        return number("temperature");
    }

    /** {@code top_p}, when the file sets it. */
    public OptionalDouble topP() {
        return number("top_p");
    }

    /** {@code do_sample}, when the file sets it. */
    public Optional<Boolean> doSample() {
        JsonElement value = json.get("do_sample");
        return value instanceof JsonPrimitive p && p.isBoolean() ? Optional.of(p.getAsBoolean()) : Optional.empty();
    }

    private OptionalDouble number(String key) {
        JsonElement value = json.get(key);
        return value instanceof JsonPrimitive p && p.isNumber() ? OptionalDouble.of(p.getAsDouble()) : OptionalDouble.empty();
    }

    private int tokenId(JsonElement value) {
        try {
            if (value instanceof JsonPrimitive p && p.isNumber()) {
                int id = new BigDecimal(p.getAsString()).intValueExact();
                if (id >= 0) {
                    return id;
                }
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // named below
        }
        throw new TokenizerException(file + ": \"eos_token_id\" must hold token ids (integers ≥ 0), found " + value + ".");
    }
}
