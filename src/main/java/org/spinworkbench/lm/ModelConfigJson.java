package org.spinworkbench.lm;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading the keys of a parsed {@code config.json}, with the defaults transformers uses. */
final class ModelConfigJson {
    private final JsonObject json;

    private ModelConfigJson(JsonObject json) {
        this.json = json;
    }

    static ModelConfig parse(JsonObject json) {
        return new ModelConfigJson(json).parse();
    }

    private ModelConfig parse() {
        String architecture = architecture();
        if (!"silu".equals(optionalString("hidden_act", "silu"))) {
            throw new UnsupportedModelException("hidden_act '" + optionalString("hidden_act", null)
                    + "' is not supported; only 'silu'");
        }
        if (optionalBoolean("mlp_bias", false)) {
            throw new UnsupportedModelException("mlp_bias true is not supported");
        }
        RopeScaling ropeScaling = ropeScaling();
        int hiddenSize = requiredPositive("hidden_size");
        int heads = requiredPositive("num_attention_heads");
        Integer kvHeads = optionalPositive("num_key_value_heads");
        Integer headDim = optionalPositive("head_dim");
        if (headDim == null && hiddenSize % heads != 0) {
            throw new IllegalArgumentException("hidden_size (" + hiddenSize + ") is not divisible by "
                    + "num_attention_heads (" + heads + ") and there is no head_dim");
        }
        boolean attentionBias = switch (architecture) {
            case ModelConfig.QWEN2 -> true;
            case ModelConfig.MISTRAL -> false;
            default -> optionalBoolean("attention_bias", false);
        };
        String torchDtype = optionalString("torch_dtype", optionalString("dtype", null));
        return new ModelConfig(architecture, requiredPositive("vocab_size"), hiddenSize,
                requiredPositive("intermediate_size"), requiredPositive("num_hidden_layers"), heads,
                kvHeads == null ? heads : kvHeads, headDim == null ? hiddenSize / heads : headDim,
                ropeTheta(), optionalDouble(json, "rms_norm_eps", 1e-6), optionalBoolean("tie_word_embeddings", false),
                requiredPositive("max_position_embeddings"), attentionBias, optionalTokenId("bos_token_id"),
                eosTokenIds(), torchDtype, ropeScaling, json);
    }

    /** {@code rope_scaling}, or transformers 5's {@code rope_parameters} where that holds the type. */
    private RopeScaling ropeScaling() {
        JsonElement scaling = json.get("rope_scaling");
        JsonElement parameters = json.get("rope_parameters");
        if ((scaling == null || scaling.isJsonNull()) && parameters != null && parameters.isJsonObject()) {
            return RopeScaling.parse(parameters);
        }
        return RopeScaling.parse(scaling);
    }

    private String architecture() {
        JsonElement architectures = json.get("architectures");
        if (architectures == null || architectures.isJsonNull()) {
            String modelType = optionalString("model_type", null);
            for (Map.Entry<String, String> known : ModelConfig.MODEL_TYPES.entrySet()) {
                if (known.getValue().equals(modelType)) {
                    return known.getKey();
                }
            }
            throw new IllegalArgumentException("missing key 'architectures'");
        }
        if (!architectures.isJsonArray() || architectures.getAsJsonArray().isEmpty()
                || !isString(architectures.getAsJsonArray().get(0))) {
            throw new IllegalArgumentException("key 'architectures' must be a list of names, found " + architectures);
        }
        String found = architectures.getAsJsonArray().get(0).getAsString();
        if (!ModelConfig.SUPPORTED_ARCHITECTURES.contains(found)) {
            throw ModelConfig.unsupportedArchitecture(found);
        }
        return found;
    }

    /** transformers 5 moves rope_theta into rope_parameters; older configs keep it at the top. */
    private double ropeTheta() {
        JsonElement parameters = json.get("rope_parameters");
        if (parameters != null && parameters.isJsonObject()) {
            if (parameters.getAsJsonObject().has("rope_theta")) {
                return optionalDouble(parameters.getAsJsonObject(), "rope_theta", 10000.0);
            }
        }
        return optionalDouble(json, "rope_theta", 10000.0);
    }

    private List<Integer> eosTokenIds() {
        JsonElement eos = json.get("eos_token_id");
        if (eos == null || eos.isJsonNull()) {
            return List.of();
        }
        List<Integer> ids = new ArrayList<>();
        if (eos.isJsonArray()) {
            eos.getAsJsonArray().forEach(id -> ids.add(tokenId("eos_token_id", id)));
        } else {
            ids.add(tokenId("eos_token_id", eos));
        }
        return ids;
    }

    private Integer optionalTokenId(String key) {
        JsonElement value = json.get(key);
        return value == null || value.isJsonNull() ? null : tokenId(key, value);
    }

    private static int tokenId(String key, JsonElement value) {
        Integer id = integer(value);
        if (id == null || id < 0) {
            throw new IllegalArgumentException("key '" + key + "' must hold token ids (integers ≥ 0), found " + value);
        }
        return id;
    }

    private int requiredPositive(String key) {
        Integer value = optionalPositive(key);
        if (value == null) {
            throw new IllegalArgumentException("missing required key '" + key + "'");
        }
        return value;
    }

    private Integer optionalPositive(String key) {
        JsonElement value = json.get(key);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        Integer number = integer(value);
        if (number == null || number <= 0) {
            throw new IllegalArgumentException("key '" + key + "' must be a positive integer, found " + value);
        }
        return number;
    }

    private static Integer integer(JsonElement value) {
        if (!(value instanceof JsonPrimitive primitive) || !primitive.isNumber()) {
            return null;
        }
        try {
            return new BigDecimal(primitive.getAsString()).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    private static double optionalDouble(JsonObject object, String key, double absent) {
        JsonElement value = object.get(key);
        if (value == null || value.isJsonNull()) {
            return absent;
        }
        if (!(value instanceof JsonPrimitive primitive) || !primitive.isNumber()) {
            throw new IllegalArgumentException("key '" + key + "' must be a number, found " + value);
        }
        return primitive.getAsDouble();
    }

    private boolean optionalBoolean(String key, boolean absent) {
        JsonElement value = json.get(key);
        if (value == null || value.isJsonNull()) {
            return absent;
        }
        if (!(value instanceof JsonPrimitive primitive) || !primitive.isBoolean()) {
            throw new IllegalArgumentException("key '" + key + "' must be true or false, found " + value);
        }
        return primitive.getAsBoolean();
    }

    private String optionalString(String key, String absent) {
        JsonElement value = json.get(key);
        if (value == null || value.isJsonNull()) {
            return absent;
        }
        if (!isString(value)) {
            throw new IllegalArgumentException("key '" + key + "' must be a string, found " + value);
        }
        return value.getAsString();
    }

    private static boolean isString(JsonElement value) {
        return value instanceof JsonPrimitive primitive && primitive.isString();
    }
}
