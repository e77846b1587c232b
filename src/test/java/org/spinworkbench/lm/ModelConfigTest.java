package org.spinworkbench.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelConfigTest {
    /** TinyLlama-1.1B-Chat-v1.0's config.json, as published. */
    private static final String TINY_LLAMA = """
            {"architectures": ["LlamaForCausalLM"], "attention_bias": false, "bos_token_id": 1,
             "eos_token_id": 2, "hidden_act": "silu", "hidden_size": 2048, "initializer_range": 0.02,
             "intermediate_size": 5632, "max_position_embeddings": 2048, "model_type": "llama",
             "num_attention_heads": 32, "num_hidden_layers": 22, "num_key_value_heads": 4,
             "pretraining_tp": 1, "rms_norm_eps": 1e-05, "rope_scaling": null, "rope_theta": 10000.0,
             "tie_word_embeddings": false, "torch_dtype": "bfloat16", "transformers_version": "4.35.0",
             "use_cache": true, "vocab_size": 32000}
            """;

    /** Qwen2.5-0.5B-Instruct's config.json: no attention_bias key, yet q/k/v have biases. */
    private static final String QWEN2 = """
            {"architectures": ["Qwen2ForCausalLM"], "attention_dropout": 0.0, "bos_token_id": 151643,
             "eos_token_id": 151645, "hidden_act": "silu", "hidden_size": 896, "initializer_range": 0.02,
             "intermediate_size": 4864, "max_position_embeddings": 32768, "max_window_layers": 21,
             "model_type": "qwen2", "num_attention_heads": 14, "num_hidden_layers": 24,
             "num_key_value_heads": 2, "rms_norm_eps": 1e-06, "rope_theta": 1000000.0,
             "sliding_window": 32768, "tie_word_embeddings": true, "torch_dtype": "bfloat16",
             "use_cache": true, "use_sliding_window": false, "vocab_size": 151936}
            """;

    /** Mistral-Nemo's config.json: head_dim 128, not hidden_size / heads = 160. */
    private static final String MISTRAL_NEMO = """
            {"architectures": ["MistralForCausalLM"], "attention_dropout": 0.0, "bos_token_id": 1,
             "eos_token_id": [2, 11], "head_dim": 128, "hidden_act": "silu", "hidden_size": 5120,
             "intermediate_size": 14336, "max_position_embeddings": 1024000, "model_type": "mistral",
             "num_attention_heads": 32, "num_hidden_layers": 40, "num_key_value_heads": 8,
             "rms_norm_eps": 1e-05, "rope_theta": 1000000.0, "sliding_window": null,
             "tie_word_embeddings": false, "torch_dtype": "bfloat16", "vocab_size": 131072}
            """;

    @TempDir
    Path dir;

    @Test
    void readsLlama() throws IOException {
        ModelConfig config = ModelConfig.read(write(TINY_LLAMA));

        assertEquals(ModelConfig.builder("LlamaForCausalLM").setVocabSize(32000).setWidths(2048, 5632)
                .setLayers(22).setHeads(32, 4).setMaxPositionEmbeddings(2048).optRmsNormEps(1e-5)
                .optSpecialTokens(1, List.of(2)).optTorchDtype("bfloat16").build(), config);
        assertEquals("llama", config.modelType());
    }

    @Test
    void qwen2ImpliesQkvBiasesButNoOutputBias() throws IOException {
        ModelConfig config = ModelConfig.read(write(QWEN2));

        assertTrue(config.attentionBias());
        assertFalse(config.hasOutputProjectionBias());
        assertEquals(64, config.headDim());
        assertEquals(1_000_000.0, config.ropeTheta());
        assertTrue(config.tieWordEmbeddings());
        assertEquals(List.of(151645), config.eosTokenIds());
        Map<String, long[]> shapes = config.expectedShapes();
        assertArrayEquals(new long[] {896}, shapes.get("model.layers.0.self_attn.q_proj.bias"));
        assertArrayEquals(new long[] {128}, shapes.get("model.layers.0.self_attn.k_proj.bias"));
        assertFalse(shapes.containsKey("model.layers.0.self_attn.o_proj.bias"));
        assertFalse(shapes.containsKey("lm_head.weight"));
    }

    @Test
    void qwen2HasAboutHalfABillionParameters() throws IOException {
        assertEquals(494_032_768L, ModelConfig.read(write(QWEN2)).parameterCount());
    }

    @Test
    void mistralKeepsAnExplicitHeadDimAndAListOfEosIds() throws IOException {
        ModelConfig config = ModelConfig.read(write(MISTRAL_NEMO));

        assertEquals(128, config.headDim());
        assertEquals(List.of(2, 11), config.eosTokenIds());
        assertFalse(config.attentionBias());
        assertArrayEquals(new long[] {32 * 128, 5120}, config.expectedShapes().get("model.layers.39.self_attn.q_proj.weight"));
        assertArrayEquals(new long[] {5120, 32 * 128}, config.expectedShapes().get("model.layers.39.self_attn.o_proj.weight"));
        assertArrayEquals(new long[] {8 * 128, 5120}, config.expectedShapes().get("model.layers.0.self_attn.v_proj.weight"));
    }

    @Test
    void shapesAndParameterCountOfATinyLlamaByHand() {
        // V=10 H=8 I=12 L=2 nH=4 nKV=2 hD=2 (so q 8, kv 4), untied, no bias.
        ModelConfig config = ModelConfig.builder("LlamaForCausalLM").setVocabSize(10).setWidths(8, 12).setLayers(2)
                .setHeads(4, 2).setMaxPositionEmbeddings(64).build();

        Map<String, long[]> shapes = config.expectedShapes();
        assertEquals(List.of("model.embed_tokens.weight",
                "model.layers.0.input_layernorm.weight", "model.layers.0.self_attn.q_proj.weight",
                "model.layers.0.self_attn.k_proj.weight", "model.layers.0.self_attn.v_proj.weight",
                "model.layers.0.self_attn.o_proj.weight", "model.layers.0.post_attention_layernorm.weight",
                "model.layers.0.mlp.gate_proj.weight", "model.layers.0.mlp.up_proj.weight",
                "model.layers.0.mlp.down_proj.weight",
                "model.layers.1.input_layernorm.weight", "model.layers.1.self_attn.q_proj.weight",
                "model.layers.1.self_attn.k_proj.weight", "model.layers.1.self_attn.v_proj.weight",
                "model.layers.1.self_attn.o_proj.weight", "model.layers.1.post_attention_layernorm.weight",
                "model.layers.1.mlp.gate_proj.weight", "model.layers.1.mlp.up_proj.weight",
                "model.layers.1.mlp.down_proj.weight",
                "model.norm.weight", "lm_head.weight"), List.copyOf(shapes.keySet()));
        assertArrayEquals(new long[] {10, 8}, shapes.get("model.embed_tokens.weight"));
        assertArrayEquals(new long[] {8}, shapes.get("model.layers.1.input_layernorm.weight"));
        assertArrayEquals(new long[] {8, 8}, shapes.get("model.layers.0.self_attn.q_proj.weight"));
        assertArrayEquals(new long[] {4, 8}, shapes.get("model.layers.0.self_attn.k_proj.weight"));
        assertArrayEquals(new long[] {4, 8}, shapes.get("model.layers.0.self_attn.v_proj.weight"));
        assertArrayEquals(new long[] {8, 8}, shapes.get("model.layers.0.self_attn.o_proj.weight"));
        assertArrayEquals(new long[] {12, 8}, shapes.get("model.layers.0.mlp.gate_proj.weight"));
        assertArrayEquals(new long[] {12, 8}, shapes.get("model.layers.0.mlp.up_proj.weight"));
        assertArrayEquals(new long[] {8, 12}, shapes.get("model.layers.0.mlp.down_proj.weight"));
        assertArrayEquals(new long[] {10, 8}, shapes.get("lm_head.weight"));
        // embed 80 + per layer (8 + 64 + 32 + 32 + 64 + 8 + 96 + 96 + 96 = 496) * 2 + norm 8 + head 80
        assertEquals(80 + 2 * 496 + 8 + 80, config.parameterCount());
    }

    @Test
    void llamaAttentionBiasAddsQkvAndOutputBiases() {
        ModelConfig config = ModelConfig.builder("LlamaForCausalLM").setVocabSize(10).setWidths(8, 12).setLayers(1)
                .setHeads(4, 2).setMaxPositionEmbeddings(64).optTieWordEmbeddings(true).optAttentionBias(true).build();

        Map<String, long[]> shapes = config.expectedShapes();
        assertArrayEquals(new long[] {8}, shapes.get("model.layers.0.self_attn.q_proj.bias"));
        assertArrayEquals(new long[] {4}, shapes.get("model.layers.0.self_attn.k_proj.bias"));
        assertArrayEquals(new long[] {4}, shapes.get("model.layers.0.self_attn.v_proj.bias"));
        assertArrayEquals(new long[] {8}, shapes.get("model.layers.0.self_attn.o_proj.bias"));
        // tied: embed 80 + layer 496 + biases 8+4+4+8 + norm 8
        assertEquals(80 + 496 + 24 + 8, config.parameterCount());
    }

    @Test
    void defaultsFollowTransformers() throws IOException {
        ModelConfig config = ModelConfig.read(write("""
                {"architectures": ["LlamaForCausalLM"], "hidden_size": 64, "intermediate_size": 128,
                 "num_hidden_layers": 2, "num_attention_heads": 4, "max_position_embeddings": 256,
                 "vocab_size": 100}
                """));

        assertEquals(4, config.numKeyValueHeads());
        assertEquals(16, config.headDim());
        assertEquals(10000.0, config.ropeTheta());
        assertEquals(1e-6, config.rmsNormEps());
        assertFalse(config.tieWordEmbeddings());
        assertFalse(config.attentionBias());
        assertNull(config.bosTokenId());
        assertEquals(List.of(), config.eosTokenIds());
        assertNull(config.torchDtype());
    }

    @Test
    void writtenJsonKeepsEveryKeyOfTheFileItWasReadFrom() throws IOException {
        for (String json : List.of(TINY_LLAMA, QWEN2, MISTRAL_NEMO)) {
            ModelConfig config = ModelConfig.read(write(json));
            Path written = Files.writeString(dir.resolve("written.json"), config.withTorchDtype("float32").toJson());

            assertEquals(config.withTorchDtype("float32"), ModelConfig.read(written));
            JsonObject expected = JsonParser.parseString(json).getAsJsonObject();
            expected.addProperty("torch_dtype", "float32");
            assertEquals(expected, JsonParser.parseString(Files.readString(written)));
        }
    }

    @Test
    void aConfigBuiltInCodeIsWrittenWithTransformersKeys() throws IOException {
        for (String json : List.of(TINY_LLAMA, QWEN2, MISTRAL_NEMO)) {
            ModelConfig read = ModelConfig.read(write(json));
            ModelConfig config = ModelConfig.builder(read.architecture()).setVocabSize(read.vocabSize())
                    .setWidths(read.hiddenSize(), read.intermediateSize()).setLayers(read.numHiddenLayers())
                    .setHeads(read.numAttentionHeads(), read.numKeyValueHeads())
                    .setMaxPositionEmbeddings(read.maxPositionEmbeddings()).optHeadDim(read.headDim())
                    .optRopeTheta(read.ropeTheta()).optRmsNormEps(read.rmsNormEps())
                    .optTieWordEmbeddings(read.tieWordEmbeddings()).optAttentionBias(read.attentionBias())
                    .optSpecialTokens(read.bosTokenId(), read.eosTokenIds()).optTorchDtype(read.torchDtype()).build();
            Path written = Files.writeString(dir.resolve("written.json"), config.toJson());

            assertEquals(config, ModelConfig.read(written));
            JsonObject keys = JsonParser.parseString(config.toJson()).getAsJsonObject();
            for (String key : List.of("architectures", "model_type", "hidden_size", "intermediate_size",
                    "num_hidden_layers", "num_attention_heads", "num_key_value_heads", "head_dim", "rope_theta",
                    "rms_norm_eps", "tie_word_embeddings", "max_position_embeddings", "vocab_size",
                    "bos_token_id", "eos_token_id", "torch_dtype", "hidden_act")) {
                assertTrue(keys.has(key), key + " missing from " + config.toJson());
            }
            assertEquals(config.architecture().equals("LlamaForCausalLM"), keys.has("attention_bias"));
        }
    }

    @Test
    void unsupportedArchitectureNamesTheFileAndTheSupportedOnes() throws IOException {
        Path file = write(TINY_LLAMA.replace("LlamaForCausalLM", "GPT2LMHeadModel"));

        UnsupportedModelException e = assertThrows(UnsupportedModelException.class, () -> ModelConfig.read(file));
        assertEquals(file + ": the architecture 'GPT2LMHeadModel' is not supported; supported architectures: "
                + "LlamaForCausalLM, Qwen2ForCausalLM, MistralForCausalLM", e.getMessage());
    }

    @Test
    void unknownRopeScalingAndOtherActivationsAreUnsupported() throws IOException {
        Path scaled = write(TINY_LLAMA.replace("\"rope_scaling\": null",
                "\"rope_scaling\": {\"rope_type\": \"dynamic\", \"factor\": 8.0}"));

        assertEquals(scaled + ": RoPE scaling type 'dynamic' is not supported; supported: default, linear, llama3",
                assertThrows(UnsupportedModelException.class, () -> ModelConfig.read(scaled)).getMessage());
        Path gelu = write(TINY_LLAMA.replace("\"silu\"", "\"gelu\""));
        assertEquals(gelu + ": hidden_act 'gelu' is not supported; only 'silu'",
                assertThrows(UnsupportedModelException.class, () -> ModelConfig.read(gelu)).getMessage());
    }

    @Test
    void implausibleSizesAreRefusedBeforeAnythingIsBuilt() throws IOException {
        Path file = write(TINY_LLAMA.replace("\"num_hidden_layers\": 22", "\"num_hidden_layers\": 2147483647"));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ModelConfig.read(file));

        assertEquals(file + ": num_hidden_layers is 2147483647, more than any model has (at most 1024 here);"
                + " the config.json is damaged or not a language model's", error.getMessage());
    }

    @Test
    void missingOrInvalidKeysAreNamed() throws IOException {
        assertInvalid(TINY_LLAMA.replace("\"hidden_size\": 2048,", ""), "missing required key 'hidden_size'");
        assertInvalid(TINY_LLAMA.replace("\"vocab_size\": 32000", "\"vocab_size\": 0"),
                "key 'vocab_size' must be a positive integer, found 0");
        assertInvalid(TINY_LLAMA.replace("\"intermediate_size\": 5632", "\"intermediate_size\": 56.5"),
                "key 'intermediate_size' must be a positive integer, found 56.5");
        assertInvalid(TINY_LLAMA.replace("\"num_key_value_heads\": 4", "\"num_key_value_heads\": 5"),
                "num_attention_heads (32) must be a multiple of num_key_value_heads (5)");
        assertInvalid(TINY_LLAMA.replace("\"hidden_size\": 2048", "\"hidden_size\": 2050"),
                "hidden_size (2050) is not divisible by num_attention_heads (32) and there is no head_dim");
        assertInvalid(TINY_LLAMA.replace("\"eos_token_id\": 2", "\"eos_token_id\": \"</s>\""),
                "key 'eos_token_id' must hold token ids (integers ≥ 0), found \"</s>\"");
        assertInvalid(TINY_LLAMA.replace("\"architectures\": [\"LlamaForCausalLM\"],", "")
                .replace("\"model_type\": \"llama\",", ""), "missing key 'architectures'");
    }

    @Test
    void aConfigWithoutArchitecturesFallsBackOnItsModelType() throws IOException {
        String json = QWEN2.replace("\"architectures\": [\"Qwen2ForCausalLM\"],", "");

        assertEquals("Qwen2ForCausalLM", ModelConfig.read(write(json)).architecture());
    }

    @Test
    void notJsonIsNamed() throws IOException {
        Path file = write("{\"architectures\": [");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelConfig.read(file));
        assertTrue(e.getMessage().startsWith(file + " is not valid JSON"), e.getMessage());
    }

    private void assertInvalid(String json, String message) throws IOException {
        Path file = write(json);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelConfig.read(file));
        assertEquals(file + ": " + message, e.getMessage());
    }

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("config.json"), json);
    }
}
