package org.spinworkbench.lm.hf;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.spinworkbench.SharedFixtures;

/**
 * Scaled-down random checkpoints of published model families, made with the real tokenizer,
 * template, generation and config files of {@code ../shared/fixtures/hf-real/}: only the
 * layer sizes shrink (hidden 16, one layer, 2 heads, 1 KV head); architecture, vocabulary
 * size, special-token ids, rope settings, biases, tying and every other key stay as published.
 */
final class RealModelFolders {
    /** The tokenizer, template and generation files, as a model folder of the family would hold them. */
    static final List<String> FILES = List.of("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json",
            "added_tokens.json", "generation_config.json", "vocab.json", "merges.txt");

    private RealModelFolders() {
    }

    /** TinyLlama-1.1B-Chat (SentencePiece vocabulary; its fixture has no config.json, so its published one is written here). */
    static Path tinyLlama(Path dir) throws IOException {
        JsonObject config = JsonParser.parseString("{\"architectures\": [\"LlamaForCausalLM\"], \"attention_bias\": false,"
                + " \"bos_token_id\": 1, \"eos_token_id\": 2, \"hidden_act\": \"silu\", \"hidden_size\": 2048,"
                + " \"initializer_range\": 0.02, \"intermediate_size\": 5632, \"max_position_embeddings\": 2048,"
                + " \"model_type\": \"llama\", \"num_attention_heads\": 32, \"num_hidden_layers\": 22,"
                + " \"num_key_value_heads\": 4, \"pretraining_tp\": 1, \"rms_norm_eps\": 1e-05, \"rope_scaling\": null,"
                + " \"rope_theta\": 10000.0, \"tie_word_embeddings\": false, \"torch_dtype\": \"bfloat16\","
                + " \"transformers_version\": \"4.35.0\", \"use_cache\": true, \"vocab_size\": 32000}").getAsJsonObject();
        return source(dir.resolve("tinyllama-source"), SharedFixtures.hfReal("tinyllama-1.1b-chat"), scaled(config));
    }

    static Path mistral(Path dir) throws IOException {
        Path fixture = SharedFixtures.hfReal("mistral-7b-instruct-v0.2");
        return source(dir.resolve("mistral-source"), fixture, scaled(read(fixture.resolve("config.json"))));
    }

    /** Qwen2-1.5B-Instruct, its tokenizer.json built from vocab.json and merges.txt as transformers' Qwen2Converter does. */
    static Path qwen2(Path dir) throws IOException {
        Path fixture = SharedFixtures.hfReal("qwen2-1.5b-instruct");
        Path source = source(dir.resolve("qwen2-source"), fixture, scaled(read(fixture.resolve("config.json"))));
        Files.writeString(source.resolve("tokenizer.json"), qwen2TokenizerJson(fixture), StandardCharsets.UTF_8);
        return source;
    }

    /** Llama 3.2 1B's config (rope_type llama3, tied, 128,256 tokens) with the byte-level tokenizer, since its fixture has no tokenizer. */
    static Path llama32(Path dir, String generationConfig) throws IOException {
        Path source = Files.createDirectories(dir.resolve("llama32-source"));
        ByteLevelTokenizerFactory.write(source);
        JsonObject config = scaled(read(SharedFixtures.hfReal("llama-3.2-1b").resolve("config.json")));
        Files.writeString(source.resolve("config.json"), json(config), StandardCharsets.UTF_8);
        Files.writeString(source.resolve(GenerationConfig.FILE), generationConfig, StandardCharsets.UTF_8);
        return source;
    }

    /** A random checkpoint made from a source folder (as {@code init-model --config DIR/config.json --tokenizer DIR} makes it). */
    static Path checkpoint(Path source, Path output) throws IOException {
        RandomModels.create(source.resolve("config.json"), source.toString(), 7, output, DType.F32);
        return output;
    }

    static JsonObject read(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private static Path source(Path source, Path fixture, JsonObject config) throws IOException {
        Files.createDirectories(source);
        for (String name : FILES) {
            if (Files.isRegularFile(fixture.resolve(name))) {
                Files.copy(fixture.resolve(name), source.resolve(name));
            }
        }
        Files.writeString(source.resolve("config.json"), json(config), StandardCharsets.UTF_8);
        return source;
    }

    private static JsonObject scaled(JsonObject published) {
        JsonObject config = published.deepCopy();
        for (Map.Entry<String, Integer> size : Map.of("hidden_size", 16, "intermediate_size", 32,
                "num_hidden_layers", 1, "num_attention_heads", 2, "num_key_value_heads", 1).entrySet()) {
            config.addProperty(size.getKey(), size.getValue());
        }
        if (config.has("head_dim")) {
            config.addProperty("head_dim", 8);
        }
        if (config.has("max_window_layers")) {
            config.addProperty("max_window_layers", 1);
        }
        return config;
    }

    private static String qwen2TokenizerJson(Path fixture) throws IOException {
        JsonObject tokenizerConfig = read(fixture.resolve("tokenizer_config.json"));
        JsonArray added = new JsonArray();
        for (Map.Entry<String, JsonElement> entry : tokenizerConfig.getAsJsonObject("added_tokens_decoder").entrySet()) {
            JsonObject token = entry.getValue().getAsJsonObject().deepCopy();
            token.addProperty("id", Integer.parseInt(entry.getKey()));
            added.add(token);
        }
        JsonArray merges = new JsonArray();
        for (String line : Files.readAllLines(fixture.resolve("merges.txt"), StandardCharsets.UTF_8)) {
            if (!line.startsWith("#version") && !line.isBlank()) {
                merges.add(line);
            }
        }
        JsonObject split = new JsonObject();
        split.addProperty("type", "Split");
        JsonObject pattern = new JsonObject();
        pattern.addProperty("Regex", "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+");
        split.add("pattern", pattern);
        split.addProperty("behavior", "Isolated");
        split.addProperty("invert", false);
        JsonObject byteLevel = JsonParser.parseString(
                "{\"type\": \"ByteLevel\", \"add_prefix_space\": false, \"trim_offsets\": false, \"use_regex\": false}")
                .getAsJsonObject();
        JsonObject preTokenizer = new JsonObject();
        preTokenizer.addProperty("type", "Sequence");
        JsonArray steps = new JsonArray();
        steps.add(split);
        steps.add(byteLevel);
        preTokenizer.add("pretokenizers", steps);
        JsonObject model = new JsonObject();
        model.addProperty("type", "BPE");
        model.add("dropout", null);
        model.add("unk_token", null);
        model.addProperty("continuing_subword_prefix", "");
        model.addProperty("end_of_word_suffix", "");
        model.addProperty("fuse_unk", false);
        model.addProperty("byte_fallback", false);
        model.add("vocab", read(fixture.resolve("vocab.json")));
        model.add("merges", merges);
        JsonObject tokenizer = new JsonObject();
        tokenizer.addProperty("version", "1.0");
        tokenizer.add("truncation", null);
        tokenizer.add("padding", null);
        tokenizer.add("added_tokens", added);
        tokenizer.add("normalizer", JsonParser.parseString("{\"type\": \"NFC\"}"));
        tokenizer.add("pre_tokenizer", preTokenizer);
        tokenizer.add("post_processor", byteLevel.deepCopy());
        tokenizer.add("decoder", JsonParser.parseString(
                "{\"type\": \"ByteLevel\", \"add_prefix_space\": true, \"trim_offsets\": true, \"use_regex\": true}"));
        tokenizer.add("model", model);
        return new GsonBuilder().serializeNulls().disableHtmlEscaping().create().toJson(tokenizer);
    }

    private static String json(JsonObject object) {
        return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(object);
    }
}
