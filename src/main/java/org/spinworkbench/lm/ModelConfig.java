package org.spinworkbench.lm;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of a Llama-family decoder, as Hugging Face's {@code config.json} describes it.
 * Field names follow the {@code config.json} keys ({@code hidden_size} → {@link #hiddenSize}).
 *
 * <p>{@link #expectedShapes()} is the one list of weight names and shapes that the model,
 * the checkpoint loader and the saver share, so a checkpoint that loads is one the model
 * can run.
 *
 * @param architecture      {@code architectures[0]}, one of {@link #SUPPORTED_ARCHITECTURES}
 * @param headDim           {@code head_dim}; {@code hidden_size / num_attention_heads} when absent
 * @param attentionBias     q/k/v projections carry biases: always for Qwen2, never for Mistral,
 *                          Llama's {@code attention_bias} key (which also adds an o_proj bias)
 * @param bosTokenId        null when the config names none
 * @param eosTokenIds       {@code eos_token_id} as a list (it may be an int or a list); may be empty
 * @param torchDtype        {@code torch_dtype} as written ("bfloat16", ...); null when absent
 * @param ropeScaling       {@code rope_scaling}; {@link RopeScaling#NONE} when absent or null
 * @param source            the {@code config.json} this was read from, every key as written, so
 *                          saving keeps what the engine does not use ({@code sliding_window},
 *                          {@code max_window_layers}, {@code rope_scaling}...); null for a
 *                          config built in code
 */
public record ModelConfig(String architecture, int vocabSize, int hiddenSize, int intermediateSize,
                          int numHiddenLayers, int numAttentionHeads, int numKeyValueHeads, int headDim,
                          double ropeTheta, double rmsNormEps, boolean tieWordEmbeddings,
                          int maxPositionEmbeddings, boolean attentionBias, Integer bosTokenId,
                          List<Integer> eosTokenIds, String torchDtype, RopeScaling ropeScaling,
                          JsonObject source) {

    public static final String LLAMA = "LlamaForCausalLM";
    public static final String QWEN2 = "Qwen2ForCausalLM";
    public static final String MISTRAL = "MistralForCausalLM";
    public static final List<String> SUPPORTED_ARCHITECTURES = List.of(LLAMA, QWEN2, MISTRAL);

    static final Map<String, String> MODEL_TYPES = Map.of(LLAMA, "llama", QWEN2, "qwen2", MISTRAL, "mistral");

    public ModelConfig {
        if (!SUPPORTED_ARCHITECTURES.contains(architecture)) {
            throw unsupportedArchitecture(architecture);
        }
        // checked before anything is allocated from them: a damaged or hostile config.json
        // (num_hidden_layers 2^31-1) must be refused, not hang the tool building layers
        requireInRange("vocab_size", vocabSize, 1 << 22);
        requireInRange("hidden_size", hiddenSize, 1 << 16);
        requireInRange("intermediate_size", intermediateSize, 1 << 18);
        requireInRange("num_hidden_layers", numHiddenLayers, 1024);
        requireInRange("num_attention_heads", numAttentionHeads, 1024);
        requireInRange("num_key_value_heads", numKeyValueHeads, 1024);
        requireInRange("head_dim", headDim, 1024);
        requireInRange("max_position_embeddings", maxPositionEmbeddings, 1 << 24);
        if (numAttentionHeads % numKeyValueHeads != 0) {
            throw new IllegalArgumentException("num_attention_heads (" + numAttentionHeads
                    + ") must be a multiple of num_key_value_heads (" + numKeyValueHeads + ")");
        }
        if (headDim % 2 != 0) {
            throw new IllegalArgumentException("head_dim (" + headDim + ") must be even for rotary embeddings");
        }
        if (!(ropeTheta > 0) || Double.isInfinite(ropeTheta)) {
            throw new IllegalArgumentException("rope_theta must be a positive number, found " + ropeTheta);
        }
        if (!(rmsNormEps > 0) || Double.isInfinite(rmsNormEps)) {
            throw new IllegalArgumentException("rms_norm_eps must be a positive number, found " + rmsNormEps);
        }
        if (architecture.equals(QWEN2) && !attentionBias) {
            throw new IllegalArgumentException(QWEN2 + " always has q/k/v biases: attentionBias must be true");
        }
        if (architecture.equals(MISTRAL) && attentionBias) {
            throw new IllegalArgumentException(MISTRAL + " has no attention biases: attentionBias must be false");
        }
        eosTokenIds = eosTokenIds == null ? List.of() : List.copyOf(eosTokenIds);
        ropeScaling = ropeScaling == null ? RopeScaling.NONE : ropeScaling;
        source = source == null ? null : source.deepCopy();
    }

    /** A config built in code: plain rotary embeddings, no source file ({@link ModelConfigBuilder}). */
    public static ModelConfigBuilder builder(String architecture) {
        return new ModelConfigBuilder(architecture);
    }

    @Override
    public JsonObject source() {
        return source == null ? null : source.deepCopy();
    }

    /** Equal when they describe the same model; the source file's other keys do not count. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ModelConfig that && withoutSource().equals(that.withoutSource());
    }

    @Override
    public int hashCode() {
        return withoutSource().hashCode();
    }

    private List<Object> withoutSource() {
        return java.util.Arrays.asList(architecture, vocabSize, hiddenSize, intermediateSize, numHiddenLayers,
                numAttentionHeads, numKeyValueHeads, headDim, ropeTheta, rmsNormEps, tieWordEmbeddings,
                maxPositionEmbeddings, attentionBias, bosTokenId, eosTokenIds, torchDtype, ropeScaling);
    }

    /** Reads and checks a Hugging Face {@code config.json}; messages name the file and the key. */
    public static ModelConfig read(Path configJson) throws IOException {
        String text = Files.readString(configJson, StandardCharsets.UTF_8);
        try {
            JsonElement root = JsonParser.parseString(text);
            if (!root.isJsonObject()) {
                throw new IllegalArgumentException("is not a JSON object");
            }
            return ModelConfigJson.parse(root.getAsJsonObject());
        } catch (UnsupportedModelException e) {
            throw new UnsupportedModelException(configJson + ": " + e.getMessage(), e);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(configJson + " is not valid JSON: " + JsonProblem.describe(e), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(configJson + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code config.json} text that Hugging Face transformers reads back as the same model: the
     * source file with every key and value as written, only the dtype updated (and a
     * {@code quantization_config} left out: weights are saved unquantized); for a config built
     * in code, the keys transformers needs.
     */
    public String toJson() {
        if (source != null) {
            JsonObject json = source.deepCopy();
            json.remove("quantization_config");
            if (torchDtype != null) {
                json.addProperty(json.has("dtype") && !json.has("torch_dtype") ? "dtype" : "torch_dtype", torchDtype);
            }
            return GSON.toJson(json) + "\n";
        }
        JsonObject json = new JsonObject();
        JsonArray architectures = new JsonArray();
        architectures.add(architecture);
        json.add("architectures", architectures);
        json.addProperty("model_type", MODEL_TYPES.get(architecture));
        if (architecture.equals(LLAMA)) {
            json.addProperty("attention_bias", attentionBias);
            json.addProperty("mlp_bias", false);
        }
        if (bosTokenId != null) {
            json.addProperty("bos_token_id", bosTokenId);
        }
        if (eosTokenIds.size() == 1) {
            json.addProperty("eos_token_id", eosTokenIds.get(0));
        } else if (!eosTokenIds.isEmpty()) {
            JsonArray eos = new JsonArray();
            eosTokenIds.forEach(eos::add);
            json.add("eos_token_id", eos);
        }
        json.addProperty("head_dim", headDim);
        json.addProperty("hidden_act", "silu");
        json.addProperty("hidden_size", hiddenSize);
        json.addProperty("intermediate_size", intermediateSize);
        json.addProperty("max_position_embeddings", maxPositionEmbeddings);
        json.addProperty("num_attention_heads", numAttentionHeads);
        json.addProperty("num_hidden_layers", numHiddenLayers);
        json.addProperty("num_key_value_heads", numKeyValueHeads);
        json.addProperty("rms_norm_eps", rmsNormEps);
        json.add("rope_scaling", JsonNull.INSTANCE);
        json.addProperty("rope_theta", ropeTheta);
        if (architecture.equals(MISTRAL)) {
            json.add("sliding_window", JsonNull.INSTANCE); // the engine attends to the whole context
        }
        json.addProperty("tie_word_embeddings", tieWordEmbeddings);
        if (torchDtype != null) {
            json.addProperty("torch_dtype", torchDtype);
        }
        json.addProperty("vocab_size", vocabSize);
        return GSON.toJson(json) + "\n";
    }

    private static final com.google.gson.Gson GSON =
            new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

    /** The same model, saved with its weights in another dtype ("float32", "bfloat16", ...). */
    public ModelConfig withTorchDtype(String dtype) {
        return new ModelConfig(architecture, vocabSize, hiddenSize, intermediateSize, numHiddenLayers,
                numAttentionHeads, numKeyValueHeads, headDim, ropeTheta, rmsNormEps, tieWordEmbeddings,
                maxPositionEmbeddings, attentionBias, bosTokenId, eosTokenIds, dtype, ropeScaling, source);
    }

    /**
     * Every weight by its Hugging Face name, in checkpoint order, with its shape
     * (H = hidden, I = intermediate, V = vocab, nH/nKV = heads, hD = head dim):
     * embed_tokens [V, H]; per layer input_layernorm [H], q_proj [nH*hD, H],
     * k_proj/v_proj [nKV*hD, H], o_proj [H, nH*hD], post_attention_layernorm [H],
     * gate_proj/up_proj [I, H], down_proj [H, I]; norm [H]; lm_head [V, H] unless tied.
     * With {@link #attentionBias} q/k/v biases [nH*hD], [nKV*hD], [nKV*hD] follow their
     * weights; Llama's {@code attention_bias} also gives o_proj a bias [H], as in transformers'
     * {@code LlamaAttention} (Qwen2's o_proj has none).
     */
    public Map<String, long[]> expectedShapes() {
        long h = hiddenSize;
        long q = (long) numAttentionHeads * headDim;
        long kv = (long) numKeyValueHeads * headDim;
        Map<String, long[]> shapes = new LinkedHashMap<>();
        shapes.put("model.embed_tokens.weight", new long[] {vocabSize, h});
        for (int i = 0; i < numHiddenLayers; i++) {
            String layer = "model.layers." + i + ".";
            shapes.put(layer + "input_layernorm.weight", new long[] {h});
            shapes.put(layer + "self_attn.q_proj.weight", new long[] {q, h});
            shapes.put(layer + "self_attn.k_proj.weight", new long[] {kv, h});
            shapes.put(layer + "self_attn.v_proj.weight", new long[] {kv, h});
            if (attentionBias) {
                shapes.put(layer + "self_attn.q_proj.bias", new long[] {q});
                shapes.put(layer + "self_attn.k_proj.bias", new long[] {kv});
                shapes.put(layer + "self_attn.v_proj.bias", new long[] {kv});
            }
            shapes.put(layer + "self_attn.o_proj.weight", new long[] {h, q});
            if (hasOutputProjectionBias()) {
                shapes.put(layer + "self_attn.o_proj.bias", new long[] {h});
            }
            shapes.put(layer + "post_attention_layernorm.weight", new long[] {h});
            shapes.put(layer + "mlp.gate_proj.weight", new long[] {intermediateSize, h});
            shapes.put(layer + "mlp.up_proj.weight", new long[] {intermediateSize, h});
            shapes.put(layer + "mlp.down_proj.weight", new long[] {h, intermediateSize});
        }
        shapes.put("model.norm.weight", new long[] {h});
        if (!tieWordEmbeddings) {
            shapes.put("lm_head.weight", new long[] {vocabSize, h});
        }
        return Collections.unmodifiableMap(shapes);
    }

    /** Whether o_proj has a bias: only Llama with {@code attention_bias} true. */
    public boolean hasOutputProjectionBias() {
        return attentionBias && architecture.equals(LLAMA);
    }

    /** The number of weights in {@link #expectedShapes()}, tied embeddings counted once. */
    public long parameterCount() {
        long count = 0;
        for (long[] shape : expectedShapes().values()) {
            long elements = 1;
            for (long dimension : shape) {
                elements = Math.multiplyExact(elements, dimension);
            }
            count = Math.addExact(count, elements);
        }
        return count;
    }

    /** {@code model_type} for the architecture: "llama", "qwen2" or "mistral". */
    public String modelType() {
        return MODEL_TYPES.get(architecture);
    }

    static UnsupportedModelException unsupportedArchitecture(String found) {
        return new UnsupportedModelException("the architecture " + (found == null ? "(none)" : "'" + found + "'")
                + " is not supported; supported architectures: " + String.join(", ", SUPPORTED_ARCHITECTURES));
    }

    /** Positive and at most {@code largest}, far above every published model (Llama 3.1 405B: 126 layers, 16384 hidden). */
    private static void requireInRange(String key, int value, int largest) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be a positive integer, found " + value);
        }
        if (value > largest) {
            throw new IllegalArgumentException(key + " is " + value + ", more than any model has (at most " + largest
                    + " here); the config.json is damaged or not a language model's");
        }
    }
}
