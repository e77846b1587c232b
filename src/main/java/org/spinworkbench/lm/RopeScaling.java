package org.spinworkbench.lm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.List;

/**
 * {@code rope_scaling} of {@code config.json}: how a model stretches its rotary embedding
 * beyond the context it was pre-trained on. Supported as transformers computes them
 * ({@code modeling_rope_utils}): {@code default} (none), {@code linear} (every frequency
 * divided by {@code factor}) and {@code llama3} (Llama 3.1 / 3.2: low frequencies divided by
 * {@code factor}, high ones kept, the band between blended). Both leave the attention scale
 * at 1. Any other type (dynamic, yarn, longrope...) is refused by name.
 *
 * @param type   {@code "default"}, {@code "linear"} or {@code "llama3"}
 * @param factor the stretch (1 for default)
 */
public record RopeScaling(String type, double factor, double lowFreqFactor, double highFreqFactor,
                          int originalMaxPositionEmbeddings) {
    public static final RopeScaling NONE = new RopeScaling("default", 1, 0, 0, 0);
    public static final List<String> SUPPORTED_TYPES = List.of("default", "linear", "llama3");

    /** Reads a {@code rope_scaling} (or transformers 5 {@code rope_parameters}) object; null reads as {@link #NONE}. */
    static RopeScaling parse(JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return NONE;
        }
        if (!element.isJsonObject()) {
            throw new IllegalArgumentException("key 'rope_scaling' must be an object or null, found " + element);
        }
        JsonObject object = element.getAsJsonObject();
        JsonElement typeElement = object.has("rope_type") ? object.get("rope_type") : object.get("type");
        String type = typeElement instanceof JsonPrimitive p && p.isString() ? p.getAsString() : "default";
        return switch (type) {
            case "default" -> NONE;
            case "linear" -> new RopeScaling(type, positive(object, "factor"), 0, 0, 0);
            case "llama3" -> new RopeScaling(type, positive(object, "factor"), positive(object, "low_freq_factor"),
                    positive(object, "high_freq_factor"), (int) positive(object, "original_max_position_embeddings"));
            default -> throw new UnsupportedModelException("RoPE scaling type '" + type + "' is not supported;"
                    + " supported: " + String.join(", ", SUPPORTED_TYPES));
        };
    }

    private static double positive(JsonObject object, String key) {
        JsonElement value = object.get(key);
        if (!(value instanceof JsonPrimitive p) || !p.isNumber() || !(p.getAsDouble() > 0)
                || Double.isInfinite(p.getAsDouble())) {
            throw new IllegalArgumentException("rope_scaling needs '" + key + "' as a positive number, found " + value);
        }
        return p.getAsDouble();
    }

    public boolean isDefault() {
        return type.equals("default");
    }

    /**
     * The scaled inverse frequencies, in float32 as transformers computes them
     * ({@code _compute_linear_scaling_rope_parameters}, {@code _compute_llama3_parameters}).
     */
    float[] apply(float[] inverseFrequencies) {
        float[] scaled = inverseFrequencies.clone();
        switch (type) {
            case "linear" -> {
                for (int i = 0; i < scaled.length; i++) {
                    scaled[i] = scaled[i] / (float) factor;
                }
            }
            case "llama3" -> {
                float lowFreqWavelen = (float) (originalMaxPositionEmbeddings / lowFreqFactor);
                float highFreqWavelen = (float) (originalMaxPositionEmbeddings / highFreqFactor);
                for (int i = 0; i < scaled.length; i++) {
                    float frequency = inverseFrequencies[i];
                    float wavelen = (float) (2 * Math.PI) / frequency;
                    float llama = wavelen > lowFreqWavelen ? frequency / (float) factor : frequency;
                    float smooth = (float) ((originalMaxPositionEmbeddings / (double) wavelen - lowFreqFactor)
                            / (highFreqFactor - lowFreqFactor));
                    float smoothed = (1 - smooth) * llama / (float) factor + smooth * llama;
                    boolean medium = !(wavelen < highFreqWavelen) && !(wavelen > lowFreqWavelen);
                    scaled[i] = medium ? smoothed : llama;
                }
            }
            default -> {
                // default: unchanged
            }
        }
        return scaled;
    }
}
