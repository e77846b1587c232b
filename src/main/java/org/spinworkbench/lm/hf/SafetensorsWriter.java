package org.spinworkbench.lm.hf;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Saves tensors as safetensors that transformers and the {@code safetensors} library read:
 * the header padded with spaces to a multiple of 8 bytes (so every F32 tensor starts
 * aligned), {@code __metadata__} with {@code "format": "pt"}, tensors in the given order,
 * contiguous and little-endian; F16 and BF16 rounded to nearest, ties to even.
 *
 * <p>Each file is written to a hidden temporary file beside it, forced to disk and moved into
 * place atomically: a crash leaves the old file or the new one, never half of one. A sharded
 * save is atomic per file; to replace a whole folder at once, write a fresh folder and move it.
 */
public final class SafetensorsWriter {
    private static final int BUFFER_BYTES = 1 << 20;
    /** Values read from a tensor at a time: the Java heap never holds a whole tensor. */
    private static final int CHUNK_ELEMENTS = 1 << 18;

    private final ChannelOpener opener;

    /** Where the bytes of a temporary file go; tests substitute a failing disk. */
    interface ChannelOpener {
        WritableByteChannel open(Path temporaryFile) throws IOException;
    }

    public SafetensorsWriter() {
        this(file -> FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
    }

    SafetensorsWriter(ChannelOpener opener) {
        this.opener = opener;
    }

    /**
     * Writes {@code tensors} to {@code file} in {@code dtype}.
     *
     * @param metadata extra {@code __metadata__} entries (may be null); "format" is "pt"
     */
    public void write(Path file, List<NamedTensor> tensors, DType dtype, Map<String, String> metadata)
            throws IOException {
        byte[] header = header(tensors, dtype, metadata);
        writeAtomically(file, channel -> {
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            buffer.putLong(header.length);
            writeAll(channel, buffer.flip());
            writeAll(channel, ByteBuffer.wrap(header));
            buffer.clear();
            float[] chunk = new float[CHUNK_ELEMENTS];
            for (NamedTensor tensor : tensors) {
                tensor.forEachChunk(chunk, (values, from, length) -> {
                    for (int i = from; i < from + length; i++) {
                        if (buffer.remaining() < Float.BYTES) {
                            writeAll(channel, buffer.flip());
                            buffer.clear();
                        }
                        switch (dtype) {
                            case F32 -> buffer.putFloat(values[i]);
                            case F16 -> buffer.putShort(HalfFloats.floatToF16(values[i]));
                            case BF16 -> buffer.putShort(HalfFloats.floatToBf16(values[i]));
                        }
                    }
                });
            }
            writeAll(channel, buffer.flip());
        });
    }

    /**
     * Writes {@code tensors} in order into shards of at most {@code maxShardBytes} of tensor
     * data each (a larger tensor gets a shard of its own), named
     * {@code model-00001-of-0000N.safetensors}, then {@code model.safetensors.index.json}.
     * When everything fits in one shard it writes a single {@code model.safetensors} instead, as
     * transformers does. Files of an earlier save that would shadow or litter the new one
     * (a {@code model.safetensors}, unreferenced {@code model-*-of-*} shards) are removed last.
     */
    public void writeSharded(Path dir, List<NamedTensor> tensors, DType dtype, long maxShardBytes)
            throws IOException {
        if (maxShardBytes <= 0) {
            throw new IllegalArgumentException("maxShardBytes must be positive, found " + maxShardBytes);
        }
        header(tensors, dtype, Map.of()); // checks names before anything is written
        List<List<NamedTensor>> shards = split(tensors, dtype, maxShardBytes);
        if (shards.size() <= 1) {
            write(dir.resolve(SafetensorsCheckpoint.SINGLE_FILE), tensors, dtype, Map.of());
            return;
        }
        Map<String, String> weightMap = new LinkedHashMap<>();
        long totalSize = 0;
        Set<String> written = new HashSet<>();
        for (int i = 0; i < shards.size(); i++) {
            String shardName = String.format("model-%05d-of-%05d.safetensors", i + 1, shards.size());
            write(dir.resolve(shardName), shards.get(i), dtype, Map.of());
            written.add(shardName);
            for (NamedTensor tensor : shards.get(i)) {
                weightMap.put(tensor.name(), shardName);
                totalSize += (long) tensor.elementCount() * dtype.byteSize();
            }
        }
        String index = new ShardIndex(totalSize, weightMap).toJson();
        writeAtomically(dir.resolve(ShardIndex.FILE_NAME),
                channel -> writeAll(channel, ByteBuffer.wrap(index.getBytes(StandardCharsets.UTF_8))));
        removeStaleWeights(dir, written);
    }

    private static List<List<NamedTensor>> split(List<NamedTensor> tensors, DType dtype, long maxShardBytes) {
        List<List<NamedTensor>> shards = new ArrayList<>();
        List<NamedTensor> current = new ArrayList<>();
        long currentBytes = 0;
        for (NamedTensor tensor : tensors) {
            long bytes = (long) tensor.elementCount() * dtype.byteSize();
            if (!current.isEmpty() && currentBytes + bytes > maxShardBytes) {
                shards.add(current);
                current = new ArrayList<>();
                currentBytes = 0;
            }
            current.add(tensor);
            currentBytes += bytes;
        }
        if (!current.isEmpty()) {
            shards.add(current);
        }
        return shards;
    }

    /** The header JSON, padded with spaces so that the data starts at a multiple of 8. */
    static byte[] header(List<NamedTensor> tensors, DType dtype, Map<String, String> metadata) {
        JsonObject json = new JsonObject();
        JsonObject meta = new JsonObject();
        meta.addProperty("format", "pt");
        if (metadata != null) {
            metadata.forEach((key, value) -> {
                if (key.equals("format") && !value.equals("pt")) {
                    throw new IllegalArgumentException("metadata format must be \"pt\", found \"" + value + "\"");
                }
                meta.addProperty(key, value);
            });
        }
        json.add(SafetensorsHeader.METADATA_KEY, meta);
        long offset = 0;
        for (NamedTensor tensor : tensors) {
            if (json.has(tensor.name())) {
                throw new IllegalArgumentException("tensor name '" + tensor.name() + "' is "
                        + (tensor.name().equals(SafetensorsHeader.METADATA_KEY) ? "reserved" : "used twice"));
            }
            long end = offset + (long) tensor.elementCount() * dtype.byteSize();
            JsonObject entry = new JsonObject();
            entry.addProperty("dtype", dtype.safetensorsName());
            JsonArray shape = new JsonArray();
            for (long dimension : tensor.shape()) {
                shape.add(dimension);
            }
            entry.add("shape", shape);
            JsonArray offsets = new JsonArray();
            offsets.add(offset);
            offsets.add(end);
            entry.add("data_offsets", offsets);
            json.add(tensor.name(), entry);
            offset = end;
        }
        byte[] text = new GsonBuilder().disableHtmlEscaping().create().toJson(json).getBytes(StandardCharsets.UTF_8);
        int padded = (text.length + 7) / 8 * 8; // 8 + padded is then a multiple of 8 too
        byte[] header = new byte[padded];
        System.arraycopy(text, 0, header, 0, text.length);
        for (int i = text.length; i < padded; i++) {
            header[i] = ' ';
        }
        return header;
    }

    private interface Content {
        void writeTo(WritableByteChannel channel) throws IOException;
    }

    private void writeAtomically(Path file, Content content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // a plain createFile, not createTempFile: the model gets the user's usual permissions, not 0600
        Path temporary = Files.createFile(dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp"));
        try {
            try (WritableByteChannel channel = opener.open(temporary)) {
                content.writeTo(channel);
                if (channel instanceof FileChannel fileChannel) {
                    fileChannel.force(true);
                }
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    private static void writeAll(WritableByteChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static void removeStaleWeights(Path dir, Set<String> keep) throws IOException {
        Files.deleteIfExists(dir.resolve(SafetensorsCheckpoint.SINGLE_FILE));
        try (DirectoryStream<Path> shards = Files.newDirectoryStream(dir, "model-*-of-*.safetensors")) {
            for (Path shard : shards) {
                if (!keep.contains(shard.getFileName().toString())) {
                    Files.delete(shard);
                }
            }
        }
    }
}
