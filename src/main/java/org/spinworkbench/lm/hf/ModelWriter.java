package org.spinworkbench.lm.hf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spinworkbench.io.FileTrees;
import org.spinworkbench.lm.LoraAdapter;
import org.spinworkbench.lm.ModelConfig;

/**
 * Writes a model as a Hugging Face folder (config.json, model.safetensors, tokenizer files,
 * generation_config.json) that transformers and other tools load. The folder is assembled
 * beside the target and moved into place in one step, so a crash or a full disk never leaves
 * a half-written model where a good one is expected.
 */
public final class ModelWriter {
    /** Tokenizer files carried over from the source folder when present. */
    static final List<String> TOKENIZER_FILES = List.of("tokenizer.json", "tokenizer_config.json",
            "special_tokens_map.json", "added_tokens.json", "chat_template.jinja", "tokenizer.model", "vocab.json",
            "merges.txt");

    private ModelWriter() {
    }

    /** Saves a loaded model, weights in {@code dtype}; its generation_config.json is kept as it is. */
    public static void save(PretrainedModel model, Path target, DType dtype) throws IOException {
        write(model.config(), model.network().weights(), model.folder(), model.folder(), target, dtype);
    }

    /**
     * Saves a loaded base model with {@code adapter} merged into its weights (W + (α/r)·B·A,
     * as PEFT's merge_and_unload), with the base's config, tokenizer and generation config.
     */
    public static void saveMerged(PretrainedModel base, LoraAdapter adapter, Path target, DType dtype)
            throws IOException {
        try (NDManager merging = base.network().manager().newSubManager()) {
            write(base.config(), adapter.mergedInto(base.network().weights(), merging), base.folder(), target, dtype);
        }
    }

    /**
     * Writes weights (by Hugging Face name) with their config and the tokenizer files found
     * in {@code tokenizerFolder}, which also gives generation_config.json when it has one.
     * {@code target} must not exist or be an empty folder.
     */
    public static void write(ModelConfig config, Map<String, NDArray> weights, Path tokenizerFolder,
                             Path target, DType dtype) throws IOException {
        write(config, weights, tokenizerFolder, tokenizerFolder, target, dtype);
    }

    /**
     * As {@link #write(ModelConfig, Map, Path, Path, DType)}, with generation_config.json copied
     * byte for byte from {@code generationFolder} when it has one, else written from the
     * config's and tokenizer's special tokens.
     */
    public static void write(ModelConfig config, Map<String, NDArray> weights, Path tokenizerFolder,
                             Path generationFolder, Path target, DType dtype) throws IOException {
        requireEmptyOrAbsent(target);
        Path generationFile = generationFolder.resolve(GenerationConfig.FILE);
        GenerationConfig generation = GenerationConfig.read(generationFolder);
        Set<Integer> eosTokenIds;
        int padTokenId;
        try (TextTokenizer tokenizer = TextTokenizer.load(tokenizerFolder, config.bosTokenId(), config.eosTokenIds())) {
            eosTokenIds = StopTokens.eos(config, generation, tokenizer);
            padTokenId = StopTokens.pad(config, generation, tokenizer);
        }
        FileTrees.writeFolder(target, partial -> {
            Files.writeString(partial.resolve(PretrainedModel.CONFIG_FILE),
                    config.withTorchDtype(dtype.torchName()).toJson(), StandardCharsets.UTF_8);
            if (Files.isRegularFile(generationFile)) {
                Files.copy(generationFile, partial.resolve(GenerationConfig.FILE));
            } else {
                Files.writeString(partial.resolve(GenerationConfig.FILE),
                        generationConfig(config, eosTokenIds, padTokenId), StandardCharsets.UTF_8);
            }
            for (String name : TOKENIZER_FILES) {
                Path source = tokenizerFolder.resolve(name);
                if (Files.isRegularFile(source)) {
                    Files.copy(source, partial.resolve(name));
                }
            }
            List<NamedTensor> tensors = new ArrayList<>();
            for (String name : config.expectedShapes().keySet()) {
                tensors.add(NamedTensor.of(name, weights.get(name)));
            }
            new SafetensorsWriter().write(partial.resolve(SafetensorsCheckpoint.SINGLE_FILE), tensors, dtype,
                    Map.of());
        });
    }

    private static String generationConfig(ModelConfig config, Set<Integer> eosTokenIds, int padTokenId) {
        JsonObject json = new JsonObject();
        json.addProperty("_from_model_config", true);
        if (config.bosTokenId() != null) {
            json.addProperty("bos_token_id", config.bosTokenId());
        }
        if (eosTokenIds.size() == 1) {
            json.addProperty("eos_token_id", eosTokenIds.iterator().next());
        } else if (!eosTokenIds.isEmpty()) {
            JsonArray ids = new JsonArray();
            eosTokenIds.forEach(ids::add);
            json.add("eos_token_id", ids);
        }
        json.addProperty("pad_token_id", padTokenId);
        return new GsonBuilder().setPrettyPrinting().create().toJson(json) + "\n";
    }

    private static void requireEmptyOrAbsent(Path target) throws IOException {
        switch (FileTrees.folderTarget(target)) {
            case FREE -> { }
            case NOT_A_FOLDER -> throw new CheckpointException(target + " exists and is not a folder; choose a new"
                    + " folder to save to.");
            case TAKEN -> throw new CheckpointException(target + " is not empty; choose a new or empty folder to save"
                    + " to.");
        }
    }
}
