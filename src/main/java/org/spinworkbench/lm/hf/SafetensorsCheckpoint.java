package org.spinworkbench.lm.hf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The weights of a Hugging Face model folder: {@code model.safetensors}, or the shards named
 * by {@code model.safetensors.index.json} (the single file wins when both exist, as in
 * transformers). Opening reads and checks every header; tensors are read one at a time, on
 * {@link #load}, as FLOAT32 whatever their dtype on disk (F32, F16 or BF16).
 *
 * <p>Safe to load from several threads at once. Closing releases the files; arrays already
 * loaded belong to their managers and stay valid.
 */
public final class SafetensorsCheckpoint implements AutoCloseable {
    public static final String SINGLE_FILE = "model.safetensors";
    public static final String INDEX_FILE = ShardIndex.FILE_NAME;

    private final Path source;
    private final List<SafetensorsFile> files;
    private final Map<String, StoredTensor> tensors;
    private final Map<Path, SafetensorsFile> fileOf;

    private SafetensorsCheckpoint(Path source, List<SafetensorsFile> files, Map<String, StoredTensor> tensors) {
        this.source = source;
        this.files = List.copyOf(files);
        this.tensors = Collections.unmodifiableMap(tensors);
        this.fileOf = new LinkedHashMap<>();
        files.forEach(file -> fileOf.put(file.file(), file));
    }

    /** Opens the weights in {@code modelDir}; a {@link CheckpointException} says what is wrong. */
    public static SafetensorsCheckpoint open(Path modelDir) {
        return open(modelDir, SafetensorsFile.DEFAULT_MAX_MAPPING_BYTES);
    }

    /**
     * The files that hold a model folder's weights: {@code model.safetensors}, or the shard
     * index and every shard it names, for copying a checkpoint without reading it.
     */
    public static List<Path> weightFiles(Path modelDir) {
        Path single = modelDir.resolve(SINGLE_FILE);
        if (Files.isRegularFile(single)) {
            return List.of(single);
        }
        Path index = modelDir.resolve(INDEX_FILE);
        if (!Files.isRegularFile(index)) {
            throw new CheckpointException("The model folder " + modelDir + " has neither " + SINGLE_FILE + " nor "
                    + INDEX_FILE);
        }
        List<Path> files = new ArrayList<>(List.of(index));
        new java.util.TreeSet<>(ShardIndex.read(index).weightMap().values())
                .forEach(shard -> files.add(index.resolveSibling(shard)));
        return files;
    }

    /** Opens one safetensors file of any name (optimiser state, a resumable checkpoint's weights). */
    public static SafetensorsCheckpoint openFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException("Missing weights file " + file);
        }
        SafetensorsFile opened = SafetensorsFile.open(file, SafetensorsFile.DEFAULT_MAX_MAPPING_BYTES);
        return new SafetensorsCheckpoint(file, List.of(opened), new LinkedHashMap<>(opened.tensors()));
    }

    /** {@code maxMappingBytes} lets tests exercise the several-mappings path with small files. */
    static SafetensorsCheckpoint open(Path modelDir, long maxMappingBytes) {
        Path single = modelDir.resolve(SINGLE_FILE);
        Path index = modelDir.resolve(INDEX_FILE);
        if (Files.isRegularFile(single)) {
            SafetensorsFile file = SafetensorsFile.open(single, maxMappingBytes);
            return new SafetensorsCheckpoint(single, List.of(file), new LinkedHashMap<>(file.tensors()));
        }
        if (Files.isRegularFile(index)) {
            return openSharded(index, maxMappingBytes);
        }
        String hint = Files.exists(modelDir.resolve("pytorch_model.bin"))
                ? " (it has pytorch_model.bin: PyTorch pickles are not read; save the model as safetensors)" : "";
        throw new CheckpointException("The model folder " + modelDir + " has neither " + SINGLE_FILE + " nor "
                + INDEX_FILE + hint);
    }

    private static SafetensorsCheckpoint openSharded(Path index, long maxMappingBytes) {
        ShardIndex shardIndex = ShardIndex.read(index);
        Map<String, SafetensorsFile> shards = new LinkedHashMap<>();
        try {
            Map<String, StoredTensor> tensors = new LinkedHashMap<>();
            for (Map.Entry<String, String> entry : shardIndex.weightMap().entrySet()) {
                String shardName = entry.getValue();
                SafetensorsFile shard = shards.get(shardName);
                if (shard == null) {
                    Path shardFile = index.resolveSibling(shardName);
                    if (!Files.isRegularFile(shardFile)) {
                        throw new CheckpointException(index + " names the shard " + shardName + ", which is missing from "
                                + index.getParent());
                    }
                    shard = SafetensorsFile.open(shardFile, maxMappingBytes);
                    shards.put(shardName, shard);
                }
                StoredTensor tensor = shard.tensors().get(entry.getKey());
                if (tensor == null) {
                    throw new CheckpointException(index + " places tensor '" + entry.getKey() + "' in " + shard.file()
                            + ", which does not hold it");
                }
                tensors.put(entry.getKey(), tensor);
            }
            return new SafetensorsCheckpoint(index, new ArrayList<>(shards.values()), tensors);
        } catch (RuntimeException e) {
            shards.values().forEach(SafetensorsFile::close);
            throw e;
        }
    }

    /** Every tensor's name. */
    public Set<String> names() {
        return tensors.keySet();
    }

    /** The tensor's dtype, shape and file, without reading it. */
    public TensorInfo info(String name) {
        return stored(name).info();
    }

    /** The tensor as a FLOAT32 array of its stored shape, owned by {@code manager}. */
    public NDArray load(String name, NDManager manager) {
        StoredTensor tensor = stored(name);
        return fileOf.get(tensor.info().file()).load(tensor, manager);
    }

    /** As {@link #load(String, NDManager)}, after checking the shape is the one the model expects. */
    public NDArray load(String name, long[] expectedShape, NDManager manager) {
        TensorInfo info = info(name);
        if (!Arrays.equals(info.shape(), expectedShape)) {
            throw new CheckpointException(info.file() + ": tensor '" + name + "' has shape "
                    + Arrays.toString(info.shape()) + " but the model expects " + Arrays.toString(expectedShape));
        }
        return load(name, manager);
    }

    @Override
    public void close() {
        files.forEach(SafetensorsFile::close);
    }

    private StoredTensor stored(String name) {
        StoredTensor tensor = tensors.get(name);
        if (tensor == null) {
            throw new CheckpointException("The tensor '" + name + "' is missing from " + source);
        }
        return tensor;
    }
}
