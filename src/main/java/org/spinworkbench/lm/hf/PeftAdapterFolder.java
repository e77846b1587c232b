package org.spinworkbench.lm.hf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.spinworkbench.io.FileTrees;
import org.spinworkbench.lm.JsonProblem;
import org.spinworkbench.lm.LoraAdapter;
import org.spinworkbench.lm.LoraConfig;
import org.spinworkbench.lm.ModelConfig;

/**
 * A LoRA adapter folder as Hugging Face PEFT saves and loads it: {@code adapter_config.json}
 * and {@code adapter_model.safetensors}, the tensors under PEFT's names. Written with only
 * keys that every PEFT release since 0.3 reads (later keys default to what is written here:
 * no rsLoRA, no DoRA, no per-layer ranks); read with every option this engine cannot apply
 * refused by name rather than ignored.
 */
public final class PeftAdapterFolder {
    public static final String CONFIG_FILE = "adapter_config.json";
    public static final String WEIGHTS_FILE = "adapter_model.safetensors";
    private static final String PICKLED_WEIGHTS_FILE = "adapter_model.bin";

    private PeftAdapterFolder() {
    }

    /** Whether {@code folder} looks like a PEFT adapter (it has an adapter_config.json). */
    public static boolean isAdapter(Path folder) {
        return Files.isRegularFile(folder.resolve(CONFIG_FILE));
    }

    /**
     * Writes the adapter to {@code target} (absent or an empty folder), whole or not at all.
     *
     * @param baseModel what PEFT records as {@code base_model_name_or_path}: the base's folder or hub id
     */
    public static void write(LoraAdapter adapter, String baseModel, Path target) throws IOException {
        requireFree(target);
        FileTrees.writeFolder(target, partial -> {
            Files.writeString(partial.resolve(CONFIG_FILE), configJson(adapter.config(), baseModel),
                    StandardCharsets.UTF_8);
            List<NamedTensor> tensors = new ArrayList<>();
            adapter.parameters().forEach((name, tensor) -> tensors.add(NamedTensor.of(name, tensor)));
            new SafetensorsWriter().write(partial.resolve(WEIGHTS_FILE), tensors, DType.F32, Map.of());
        });
    }

    /** Copies an adapter folder's two files to {@code target} (absent or an empty folder), whole or not at all. */
    public static void copy(Path adapter, Path target) throws IOException {
        requireFree(target);
        FileTrees.writeFolder(target, partial -> {
            Files.copy(adapter.resolve(CONFIG_FILE), partial.resolve(CONFIG_FILE));
            Files.copy(adapter.resolve(WEIGHTS_FILE), partial.resolve(WEIGHTS_FILE));
        });
    }

    private static void requireFree(Path target) throws IOException {
        switch (FileTrees.folderTarget(target)) {
            case FREE -> { }
            case NOT_A_FOLDER -> throw new CheckpointException(target + " exists and is not a folder; choose a new"
                    + " folder for the adapter.");
            case TAKEN -> throw new CheckpointException(target + " is not empty; choose a new or empty folder for"
                    + " the adapter.");
        }
    }

    /** adapter_config.json as PEFT writes it: sorted keys, two-space indent. */
    static String configJson(LoraConfig config, String baseModel) {
        Map<String, Object> keys = new TreeMap<>();
        keys.put("base_model_name_or_path", baseModel);
        keys.put("bias", "none");
        keys.put("fan_in_fan_out", false);
        keys.put("inference_mode", true);
        keys.put("init_lora_weights", true);
        keys.put("layers_pattern", null);
        keys.put("layers_to_transform", null);
        keys.put("lora_alpha", whole(config.alpha()));
        keys.put("lora_dropout", config.dropout());
        keys.put("modules_to_save", null);
        keys.put("peft_type", "LORA");
        keys.put("r", config.rank());
        keys.put("revision", null);
        keys.put("target_modules", config.targets());
        keys.put("task_type", "CAUSAL_LM");
        return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(keys) + "\n";
    }

    private static Number whole(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Number) (long) value : (Number) value;
    }

    /** The adapter's settings from its adapter_config.json, every unsupported option refused by name. */
    public static LoraConfig readConfig(Path folder) {
        Path file = folder.resolve(CONFIG_FILE);
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException(folder + " has no " + CONFIG_FILE + ": not a PEFT adapter folder.");
        }
        JsonObject json;
        try {
            JsonElement parsed = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!parsed.isJsonObject()) {
                throw new CheckpointException(file + " does not hold a JSON object.");
            }
            json = parsed.getAsJsonObject();
        } catch (IOException e) {
            throw new CheckpointException("Cannot read " + file + ": " + e.getMessage(), e);
        } catch (JsonParseException e) {
            throw new CheckpointException(file + ": " + JsonProblem.describe(e), e);
        }
        String type = text(json, "peft_type");
        if (!"LORA".equals(type)) {
            throw new CheckpointException(file + ": peft_type is " + (type == null ? "missing" : "\"" + type + "\"")
                    + "; only LoRA adapters (\"LORA\") can be loaded.");
        }
        refuseIfSet(file, json, "use_dora", "DoRA adapters");
        refuseIfSet(file, json, "use_rslora", "rank-stabilised LoRA (use_rslora)");
        refuseIfSet(file, json, "fan_in_fan_out", "fan_in_fan_out (Conv1D layers)");
        refuseIfSet(file, json, "modules_to_save", "fully trained extra modules (modules_to_save)");
        refuseIfSet(file, json, "layers_to_transform", "adapters on some layers only (layers_to_transform)");
        refuseIfSet(file, json, "rank_pattern", "per-layer ranks (rank_pattern)");
        refuseIfSet(file, json, "alpha_pattern", "per-layer alphas (alpha_pattern)");
        refuseIfSet(file, json, "layer_replication", "layer replication");
        String bias = text(json, "bias");
        if (bias != null && !bias.equals("none")) {
            throw new CheckpointException(file + ": bias is \"" + bias + "\"; only adapters without trained biases"
                    + " (\"none\") can be loaded.");
        }
        try {
            int rank = number(file, json, "r", 8).intValue();
            double alpha = number(file, json, "lora_alpha", LoraConfig.DEFAULT_ALPHA).doubleValue();
            double dropout = number(file, json, "lora_dropout", LoraConfig.DEFAULT_DROPOUT).doubleValue();
            return new LoraConfig(rank, alpha, dropout, targets(file, json.get("target_modules")));
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads the adapter for {@code model} into a sub-manager of {@code parent}; every tensor's
     * name and shape is checked against the model and the adapter's rank.
     */
    public static LoraAdapter read(Path folder, ModelConfig model, NDManager parent) {
        LoraConfig config = readConfig(folder);
        Path weights = folder.resolve(WEIGHTS_FILE);
        if (!Files.isRegularFile(weights)) {
            throw new CheckpointException(Files.isRegularFile(folder.resolve(PICKLED_WEIGHTS_FILE))
                    ? folder.resolve(PICKLED_WEIGHTS_FILE) + " is a PyTorch pickle, which is not loaded (it can run"
                    + " code); save the adapter with safe_serialization=True to get " + WEIGHTS_FILE + "."
                    : folder + " has no " + WEIGHTS_FILE + ".");
        }
        Map<String, long[]> expected = LoraAdapter.shapes(config, model);
        NDManager manager = parent.newSubManager();
        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.openFile(weights)) {
            for (String name : checkpoint.names()) {
                if (!expected.containsKey(name)) {
                    throw new CheckpointException(weights + ": tensor '" + name + "' is not an A or B of the "
                            + String.join(",", config.targets()) + " projections of this " + model.numHiddenLayers()
                            + "-layer model.");
                }
            }
            Map<String, NDArray> tensors = new LinkedHashMap<>();
            for (Map.Entry<String, long[]> entry : expected.entrySet()) {
                if (!checkpoint.names().contains(entry.getKey())) {
                    throw new CheckpointException(weights + " has no tensor '" + entry.getKey() + "'.");
                }
                NDArray tensor = checkpoint.load(entry.getKey(), entry.getValue(), manager);
                tensor.setName(entry.getKey());
                tensors.put(entry.getKey(), tensor);
            }
            return new LoraAdapter(config, model, manager, tensors);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static void refuseIfSet(Path file, JsonObject json, String key, String what) {
        JsonElement value = json.get(key);
        boolean set = value != null && !value.isJsonNull()
                && !(value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean() && !value.getAsBoolean())
                && !(value.isJsonObject() && value.getAsJsonObject().size() == 0)
                && !(value.isJsonArray() && value.getAsJsonArray().size() == 0);
        if (set) {
            throw new CheckpointException(file + ": " + key + " is set; " + what + " cannot be loaded.");
        }
    }

    private static String text(JsonObject json, String key) {
        JsonElement value = json.get(key);
        return value == null || value.isJsonNull() || !value.isJsonPrimitive() ? null : value.getAsString();
    }

    private static Number number(Path file, JsonObject json, String key, double fallback) {
        JsonElement value = json.get(key);
        if (value == null || value.isJsonNull()) {
            return fallback;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw new CheckpointException(file + ": " + key + " must be a number, found " + value);
        }
        return value.getAsNumber();
    }

    /**
     * PEFT's target_modules: a list of module names matched by their last part, or "all-linear";
     * other single strings are regular expressions over full module names, which this engine
     * does not apply.
     */
    private static List<String> targets(Path file, JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return LoraConfig.DEFAULT_TARGETS;
        }
        if (value.isJsonPrimitive()) {
            if (value.getAsString().equals("all-linear")) {
                return LoraConfig.LINEAR_LAYERS;
            }
            throw new CheckpointException(file + ": target_modules is the pattern \"" + value.getAsString()
                    + "\"; only a list of projection names (such as [\"q_proj\", \"v_proj\"]) can be loaded.");
        }
        List<String> names = new ArrayList<>();
        JsonArray array = value.getAsJsonArray();
        // PEFT matches a module whose name ends with the entry; entries are projection names
        array.forEach(entry -> names.add(entry.getAsString()));
        List<String> known = LoraConfig.LINEAR_LAYERS.stream().filter(names::contains).toList();
        return known.size() == names.size() ? known : names; // else LoraConfig names what it does not know
    }
}
