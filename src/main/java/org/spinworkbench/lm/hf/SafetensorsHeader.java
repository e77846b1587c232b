package org.spinworkbench.lm.hf;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON header of one safetensors file, parsed and checked against the file before any
 * tensor is read: {@code {"__metadata__": {..}, "name": {"dtype": "F32", "shape": [2, 3],
 * "data_offsets": [begin, end]}, ...}} with offsets relative to the end of the header.
 * Every entry must be of a dtype we read, span exactly elements × dtype size bytes, lie
 * within the file and overlap no other.
 */
final class SafetensorsHeader {
    /** The reference implementation refuses larger headers too. */
    static final long MAX_HEADER_BYTES = 100_000_000;
    static final String METADATA_KEY = "__metadata__";

    private SafetensorsHeader() {
    }

    /**
     * @param dataStart  absolute offset of the data section (8 + header length)
     * @param dataLength bytes in the file after the header
     * @return the tensors by name, in header order
     */
    static Map<String, StoredTensor> parse(Path file, byte[] header, long dataStart, long dataLength) {
        JsonObject json = parseJson(file, header);
        Map<String, StoredTensor> tensors = new LinkedHashMap<>();
        List<long[]> extents = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, JsonElement> entry : json.entrySet()) {
            if (entry.getKey().equals(METADATA_KEY)) {
                checkMetadata(file, entry.getValue());
                continue;
            }
            String name = entry.getKey();
            Entry parsed = parseEntry(file, name, entry.getValue());
            long[] offsets = parsed.offsets();
            TensorInfo info = new TensorInfo(name, parsed.dtype(), parsed.shape(), file);
            long needed = byteSize(file, info);
            if (offsets[1] - offsets[0] != needed) {
                throw new CheckpointException(file + ": tensor '" + name + "' has data_offsets "
                        + Arrays.toString(offsets) + " (" + (offsets[1] - offsets[0]) + " bytes) but "
                        + info.dtype() + " × " + Arrays.toString(parsed.shape()) + " needs " + needed + " bytes");
            }
            if (offsets[1] > dataLength) {
                throw new CheckpointException(file + " is truncated: tensor '" + name + "' ends at data byte "
                        + offsets[1] + " but only " + dataLength + " bytes of data follow the header");
            }
            tensors.put(name, new StoredTensor(info, dataStart + offsets[0]));
            extents.add(offsets);
            names.add(name);
        }
        checkNoOverlap(file, names, extents);
        return tensors;
    }

    private record Entry(DType dtype, long[] shape, long[] offsets) {
    }

    private static JsonObject parseJson(Path file, byte[] header) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(header)).toString();
        } catch (CharacterCodingException e) {
            throw new CheckpointException(file + ": the header is not JSON (not even UTF-8 text)", e);
        }
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            JsonElement root = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonParseException("text after the JSON object");
            }
            if (!root.isJsonObject()) {
                throw new JsonParseException("not a JSON object");
            }
            return root.getAsJsonObject();
        } catch (JsonParseException | IOException e) {
            throw new CheckpointException(file + ": the header is not JSON: " + e.getMessage(), e);
        }
    }

    private static void checkMetadata(Path file, JsonElement metadata) {
        boolean stringsOnly = metadata.isJsonObject() && metadata.getAsJsonObject().entrySet().stream()
                .allMatch(entry -> entry.getValue() instanceof JsonPrimitive value && value.isString());
        if (!stringsOnly) {
            throw new CheckpointException(file + ": the header's " + METADATA_KEY
                    + " must map names to strings, found " + metadata);
        }
    }

    private static Entry parseEntry(Path file, String name, JsonElement element) {
        String where = file + ": tensor '" + name + "'";
        if (!element.isJsonObject()) {
            throw new CheckpointException(where + " is described by " + element + ", not an object");
        }
        JsonObject object = element.getAsJsonObject();
        JsonElement dtypeName = object.get("dtype");
        if (!(dtypeName instanceof JsonPrimitive primitive) || !primitive.isString()) {
            throw new CheckpointException(where + " has no dtype");
        }
        DType dtype = DType.fromSafetensorsName(dtypeName.getAsString()).orElseThrow(() -> new CheckpointException(
                where + " has dtype '" + dtypeName.getAsString() + "', which cannot be loaded; supported dtypes: "
                        + Arrays.toString(DType.values())));
        long[] shape = longs(where, "shape", object.get("shape"), -1);
        long[] offsets = longs(where, "data_offsets", object.get("data_offsets"), 2);
        if (offsets[0] > offsets[1]) {
            throw new CheckpointException(where + " has data_offsets " + Arrays.toString(offsets)
                    + " that end before they begin");
        }
        return new Entry(dtype, shape, offsets);
    }

    /** A JSON list of non-negative integers ({@code length} of them, unless -1). */
    private static long[] longs(String where, String key, JsonElement element, int length) {
        String problem = where + " has a bad " + key + " " + element + ": expected a list of "
                + (length < 0 ? "" : length + " ") + "non-negative integers";
        if (element == null || !element.isJsonArray() || (length >= 0 && element.getAsJsonArray().size() != length)) {
            throw new CheckpointException(problem);
        }
        long[] values = new long[element.getAsJsonArray().size()];
        for (int i = 0; i < values.length; i++) {
            JsonElement item = element.getAsJsonArray().get(i);
            try {
                if (!(item instanceof JsonPrimitive primitive) || !primitive.isNumber()) {
                    throw new CheckpointException(problem);
                }
                values[i] = new BigDecimal(primitive.getAsString()).longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw new CheckpointException(problem, e);
            }
            if (values[i] < 0) {
                throw new CheckpointException(problem);
            }
        }
        return values;
    }

    private static long byteSize(Path file, TensorInfo info) {
        try {
            return info.byteSize();
        } catch (ArithmeticException e) {
            throw new CheckpointException(file + ": tensor '" + info.name() + "' has an impossible shape "
                    + Arrays.toString(info.shape()), e);
        }
    }

    private static void checkNoOverlap(Path file, List<String> names, List<long[]> extents) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (extents.get(i)[1] > extents.get(i)[0]) { // empty tensors occupy no bytes
                order.add(i);
            }
        }
        order.sort(Comparator.comparingLong(i -> extents.get(i)[0]));
        for (int k = 1; k < order.size(); k++) {
            int before = order.get(k - 1);
            int after = order.get(k);
            if (extents.get(after)[0] < extents.get(before)[1]) {
                throw new CheckpointException(file + ": tensors '" + names.get(before) + "' "
                        + Arrays.toString(extents.get(before)) + " and '" + names.get(after) + "' "
                        + Arrays.toString(extents.get(after)) + " overlap");
            }
        }
    }
}
