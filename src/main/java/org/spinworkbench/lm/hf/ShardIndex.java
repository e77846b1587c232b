package org.spinworkbench.lm.hf;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.spinworkbench.lm.JsonProblem;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code model.safetensors.index.json}: which shard file holds each tensor
 * ({@code weight_map}), and the bytes of tensor data in all shards together
 * ({@code metadata.total_size}).
 */
record ShardIndex(long totalSize, Map<String, String> weightMap) {
    static final String FILE_NAME = "model.safetensors.index.json";

    ShardIndex {
        weightMap = Collections.unmodifiableMap(new LinkedHashMap<>(weightMap));
    }

    static ShardIndex read(Path file) {
        JsonObject json;
        try {
            JsonElement root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!root.isJsonObject()) {
                throw new JsonParseException("not a JSON object");
            }
            json = root.getAsJsonObject();
        } catch (NoSuchFileException e) {
            throw new CheckpointException(file + " is missing", e);
        } catch (IOException e) {
            throw new CheckpointException("Cannot read " + file + ": " + e.getMessage(), e);
        } catch (JsonParseException e) {
            throw new CheckpointException(file + " is not JSON: " + JsonProblem.describe(e), e);
        }
        JsonElement weightMap = json.get("weight_map");
        if (weightMap == null || !weightMap.isJsonObject()) {
            throw new CheckpointException(file + " has no weight_map");
        }
        Map<String, String> shards = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : weightMap.getAsJsonObject().entrySet()) {
            if (!(entry.getValue() instanceof JsonPrimitive shard) || !shard.isString()
                    || !isPlainFileName(shard.getAsString())) {
                throw new CheckpointException(file + ": tensor '" + entry.getKey() + "' is mapped to "
                        + entry.getValue() + ", not to a file name in the same folder");
            }
            shards.put(entry.getKey(), shard.getAsString());
        }
        JsonElement metadata = json.get("metadata");
        JsonElement totalSize = metadata != null && metadata.isJsonObject() ? metadata.getAsJsonObject().get("total_size") : null;
        long total = totalSize instanceof JsonPrimitive number && number.isNumber() ? number.getAsLong() : -1;
        return new ShardIndex(total, shards);
    }

    /** JSON as transformers writes it: indented, weight_map sorted by name. */
    String toJson() {
        JsonObject metadata = new JsonObject();
        metadata.addProperty("total_size", totalSize);
        JsonObject map = new JsonObject();
        weightMap.keySet().stream().sorted().forEach(name -> map.addProperty(name, weightMap.get(name)));
        JsonObject json = new JsonObject();
        json.add("metadata", metadata);
        json.add("weight_map", map);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json) + "\n";
    }

    /** A shard must sit beside the index: no folders, no "..". */
    private static boolean isPlainFileName(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && !name.contains("/") && !name.contains("\\");
    }
}
