package org.spinworkbench.lm.hf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.management.ThreadMXBean;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SafetensorsRoundTripTest {
    @TempDir
    Path dir;

    private NDManager manager;
    private final SafetensorsWriter writer = new SafetensorsWriter();

    @BeforeEach
    void openManager() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void tensorsComeBackInEveryDtype(DType dtype) throws IOException {
        List<NamedTensor> tensors = List.of(
                tensor("model.embed_tokens.weight", new long[] {5, 3}, 1),
                tensor("model.norm.weight", new long[] {3}, 2),
                tensor("scalar", new long[] {}, 3),
                new NamedTensor("empty", new long[] {0, 4}, new float[0]),
                new NamedTensor("specials", new long[] {4}, new float[] {Float.POSITIVE_INFINITY,
                        Float.NEGATIVE_INFINITY, Float.NaN, -0.0f}));
        writer.write(dir.resolve("model.safetensors"), tensors, dtype, Map.of("step", "12"));

        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(dir)) {
            assertEquals(List.of("model.embed_tokens.weight", "model.norm.weight", "scalar", "empty", "specials"),
                    List.copyOf(checkpoint.names()));
            for (NamedTensor tensor : tensors) {
                TensorInfo info = checkpoint.info(tensor.name());
                assertEquals(dtype, info.dtype());
                assertArrayEquals(tensor.shape(), info.shape());
                assertEquals(dir.resolve("model.safetensors"), info.file());
                NDArray loaded = checkpoint.load(tensor.name(), tensor.shape(), manager);
                assertEquals(DataType.FLOAT32, loaded.getDataType());
                assertArrayEquals(tensor.shape(), loaded.getShape().getShape());
                assertArrayEquals(expected(tensor.values(), dtype), loaded.toFloatArray(), tensor.name());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void valuesAreWithinTheDtypesPrecision(DType dtype) throws IOException {
        NamedTensor tensor = tensor("w", new long[] {64, 64}, 7);
        writer.write(dir.resolve("model.safetensors"), List.of(tensor), dtype, null);

        float[] loaded;
        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(dir)) {
            loaded = checkpoint.load("w", manager).toFloatArray();
        }
        double relative = switch (dtype) {
            case F32 -> 0;
            case F16 -> 0x1p-11; // half an ulp of a 10-bit mantissa
            case BF16 -> 0x1p-8; // half an ulp of a 7-bit mantissa
        };
        for (int i = 0; i < loaded.length; i++) {
            double error = Math.abs(loaded[i] - tensor.values()[i]);
            double subnormalStep = dtype == DType.F16 ? 0x1p-25 : 0; // F16 subnormals have fixed spacing 2^-24
            assertTrue(error <= relative * Math.abs(tensor.values()[i]) || error <= subnormalStep,
                    dtype + " " + tensor.values()[i] + " came back as " + loaded[i]);
        }
    }

    @Test
    void headerIsPaddedWithSpacesSoThatDataStartsAtAMultipleOf8() throws IOException {
        for (int nameLength = 1; nameLength <= 9; nameLength++) {
            Path file = dir.resolve("model" + nameLength + ".safetensors");
            writer.write(file, List.of(tensor("w".repeat(nameLength), new long[] {3}, 1)), DType.F32, Map.of());

            byte[] bytes = Files.readAllBytes(file);
            long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            assertEquals(0, headerLength % 8);
            assertEquals(8 + headerLength + 12, bytes.length);
            String header = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
            assertTrue(header.startsWith("{\"__metadata__\":{\"format\":\"pt\"}"), header);
            assertEquals(header.strip(), header.replaceAll(" +$", ""));
            assertTrue(header.length() - header.strip().length() < 8);
        }
    }

    @Test
    void metadataIsKeptBesideTheFormat() throws IOException {
        Path file = dir.resolve("model.safetensors");
        writer.write(file, List.of(tensor("w", new long[] {2}, 1)), DType.BF16, Map.of("iteration", "3"));

        byte[] bytes = Files.readAllBytes(file);
        int headerLength = (int) ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        JsonObject header = JsonParser.parseString(new String(bytes, 8, headerLength, StandardCharsets.UTF_8))
                .getAsJsonObject();
        assertEquals("{\"format\":\"pt\",\"iteration\":\"3\"}", header.get("__metadata__").toString());
        assertEquals("{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[0,4]}", header.get("w").toString());
    }

    @Test
    void largeTensorsAreReadThroughSeveralMappingsAndChunks() throws IOException {
        int elements = SafetensorsFile.CHUNK_ELEMENTS * 2 + 5; // three chunks, the last one short
        NamedTensor big = tensor("big", new long[] {elements}, 11);
        NamedTensor small = tensor("small", new long[] {7, 3}, 12);
        for (DType dtype : DType.values()) {
            writer.write(dir.resolve("model.safetensors"), List.of(small, big), dtype, null);

            // 10 elements (or 5) per mapping, so the small tensor spans three mappings,
            // and the big one default-sized mappings of several chunks
            try (SafetensorsCheckpoint tiny = SafetensorsCheckpoint.open(dir, 20);
                 SafetensorsCheckpoint normal = SafetensorsCheckpoint.open(dir)) {
                assertArrayEquals(expected(small.values(), dtype), tiny.load("small", manager).toFloatArray());
                assertArrayEquals(expected(big.values(), dtype), normal.load("big", manager).toFloatArray());
            }
            try (SafetensorsCheckpoint mid = SafetensorsCheckpoint.open(dir, 3_000_000)) {
                assertArrayEquals(expected(big.values(), dtype), mid.load("big", manager).toFloatArray());
            }
        }
    }

    @Test
    void mixedDtypesAtUnalignedOffsetsAreRead() throws IOException {
        // F16 [3] at 0..6, F32 [2] at 6..14 (not 4-aligned), BF16 [2] at 14..18
        RawSafetensors.write(dir.resolve("model.safetensors"), """
                {"a":{"dtype":"F16","shape":[3],"data_offsets":[0,6]},\
                "b":{"dtype":"F32","shape":[2],"data_offsets":[6,14]},\
                "c":{"dtype":"BF16","shape":[1,2],"data_offsets":[14,18]}}""",
                RawSafetensors.concat(RawSafetensors.littleEndianShorts(0x3C00, 0xC000, 0x7BFF),
                        RawSafetensors.littleEndianFloats(0.1f, -7.25f),
                        RawSafetensors.littleEndianShorts(0x4049, 0xBF80)));

        for (long maxMapping : new long[] {1, 4, 1 << 20}) {
            try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(dir, maxMapping)) {
                assertArrayEquals(new float[] {1f, -2f, 65504f}, checkpoint.load("a", manager).toFloatArray());
                assertArrayEquals(new float[] {0.1f, -7.25f}, checkpoint.load("b", manager).toFloatArray());
                NDArray c = checkpoint.load("c", new long[] {1, 2}, manager);
                assertArrayEquals(new float[] {3.140625f, -1f}, c.toFloatArray());
            }
        }
    }

    @Test
    void loadedArraysAreWritableOutliveTheCheckpointAndSaveAgain() throws IOException {
        NamedTensor original = tensor("w", new long[] {2, 2}, 1);
        writer.write(dir.resolve("model.safetensors"), List.of(original), DType.F32, null);

        NDArray w;
        SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(dir);
        try (checkpoint) {
            w = checkpoint.load("w", manager);
        }
        w.muli(2f); // in place: the array is not a view of the read-only mapping
        w.divi(2f);

        assertEquals(original, NamedTensor.of("w", w));
        assertEquals("The checkpoint " + dir.resolve("model.safetensors") + " is closed; cannot load 'w'",
                assertThrows(IllegalStateException.class,
                        () -> checkpoint.load("w", manager)).getMessage());
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void shardedCheckpointsRoundTripThroughTheIndex(DType dtype) throws IOException {
        List<NamedTensor> tensors = List.of(
                tensor("model.embed_tokens.weight", new long[] {10, 4}, 1), // 40 elements
                tensor("model.layers.0.input_layernorm.weight", new long[] {4}, 2),
                tensor("model.layers.0.mlp.up_proj.weight", new long[] {6, 4}, 3),
                tensor("model.norm.weight", new long[] {4}, 4),
                tensor("lm_head.weight", new long[] {10, 4}, 5));
        long maxShardBytes = 30L * dtype.byteSize(); // the 40-element tensors each get a shard of their own

        writer.writeSharded(dir, tensors, dtype, maxShardBytes);

        assertEquals(Set.of("model-00001-of-00004.safetensors", "model-00002-of-00004.safetensors",
                "model-00003-of-00004.safetensors", "model-00004-of-00004.safetensors",
                "model.safetensors.index.json"), filesIn(dir));
        JsonObject index = JsonParser.parseString(Files.readString(dir.resolve("model.safetensors.index.json")))
                .getAsJsonObject();
        assertEquals(112L * dtype.byteSize(), index.getAsJsonObject("metadata").get("total_size").getAsLong());
        assertEquals("model-00002-of-00004.safetensors", index.getAsJsonObject("weight_map")
                .get("model.layers.0.mlp.up_proj.weight").getAsString());
        assertEquals("model-00004-of-00004.safetensors",
                index.getAsJsonObject("weight_map").get("lm_head.weight").getAsString());
        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(dir)) {
            assertEquals(tensors.stream().map(NamedTensor::name).collect(Collectors.toSet()), checkpoint.names());
            assertEquals(dir.resolve("model-00003-of-00004.safetensors"), checkpoint.info("model.norm.weight").file());
            for (NamedTensor tensor : tensors) {
                assertArrayEquals(expected(tensor.values(), dtype),
                        checkpoint.load(tensor.name(), tensor.shape(), manager).toFloatArray());
            }
        }
    }

    @Test
    void shardedSaveThatFitsOneShardWritesASingleFileAndALaterShardedSaveReplacesIt() throws IOException {
        List<NamedTensor> tensors = List.of(tensor("a", new long[] {4}, 1), tensor("b", new long[] {4}, 2));

        writer.writeSharded(dir, tensors, DType.F32, 1 << 20);
        assertEquals(Set.of("model.safetensors"), filesIn(dir));

        writer.writeSharded(dir, tensors, DType.F32, 16);
        assertEquals(Set.of("model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors",
                "model.safetensors.index.json"), filesIn(dir));

        writer.writeSharded(dir, List.of(tensor("a", new long[] {2}, 3), tensor("b", new long[] {2}, 4),
                tensor("c", new long[] {2}, 5)), DType.F32, 8);
        assertEquals(Set.of("model-00001-of-00003.safetensors", "model-00002-of-00003.safetensors",
                "model-00003-of-00003.safetensors", "model.safetensors.index.json"), filesIn(dir));
        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(dir)) {
            assertEquals(Set.of("a", "b", "c"), checkpoint.names());
        }
    }

    @Test
    void aSingleFileWinsOverAnIndexAsInTransformers() throws IOException {
        writer.writeSharded(dir, List.of(tensor("sharded", new long[] {4}, 1), tensor("x", new long[] {4}, 1)),
                DType.F32, 16);
        writer.write(dir.resolve("model.safetensors"), List.of(tensor("single", new long[] {4}, 2)), DType.F32, null);

        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(dir)) {
            assertEquals(Set.of("single"), checkpoint.names());
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void loadingLeavesNoDirectBuffersBehindForTheCollector(DType dtype) throws IOException {
        int chunk = SafetensorsFile.CHUNK_ELEMENTS;
        List<NamedTensor> tensors = List.of(tensor("a", new long[] {3, chunk}, 1), tensor("b", new long[] {chunk}, 2),
                tensor("c", new long[] {chunk / 2 + 7}, 3), tensor("d", new long[] {2, chunk}, 4));
        writer.write(dir.resolve("model.safetensors"), tensors, dtype, Map.of());
        BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct")).findFirst().orElseThrow();

        long before = direct.getMemoryUsed();
        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(dir)) {
            for (NamedTensor tensor : tensors) {
                try (NDArray loaded = checkpoint.load(tensor.name(), tensor.shape(), manager)) {
                    assertArrayEquals(expected(tensor.values(), dtype), loaded.toFloatArray(), tensor.name());
                }
            }
        }
        long grown = direct.getMemoryUsed() - before;

        // 7.5 chunks went through libtorch; one staging buffer of one chunk may stay until it is collected
        assertTrue(grown <= (long) chunk * Float.BYTES, "direct buffers grew by " + grown + " bytes");
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void savingALiveArrayReadsItInPlaceNeverWholeOntoTheJavaHeap(DType dtype) throws IOException {
        long elements = 16L << 20; // 64 MiB of float32
        NDArray weight = manager.randomNormal(new Shape(elements / 1024, 1024));
        NDArray view = weight.get("1:3"); // rows 1 and 2: not the whole storage
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();

        long before = threads.getThreadAllocatedBytes(thread);
        writer.write(dir.resolve("model.safetensors"), List.of(NamedTensor.of("model.embed_tokens.weight", weight),
                NamedTensor.of("rows", view)), dtype, Map.of());
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertTrue(allocated < 8L << 20, "saving allocated " + allocated + " bytes on the Java heap");
        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(dir)) {
            assertArrayEquals(expected(weight.toFloatArray(), dtype),
                    checkpoint.load("model.embed_tokens.weight", weight.getShape().getShape(), manager).toFloatArray());
            assertArrayEquals(expected(view.toFloatArray(), dtype),
                    checkpoint.load("rows", new long[] {2, 1024}, manager).toFloatArray());
        }
    }

    static NamedTensor tensor(String name, long[] shape, long seed) {
        Random random = new Random(seed);
        int count = 1;
        for (long dimension : shape) {
            count *= (int) dimension;
        }
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(7) - 4));
        }
        return new NamedTensor(name, shape, values);
    }

    /** What a value becomes once stored in {@code dtype} and read back. */
    static float[] expected(float[] values, DType dtype) {
        float[] expected = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            expected[i] = switch (dtype) {
                case F32 -> values[i];
                case F16 -> HalfFloats.f16ToFloat(HalfFloats.floatToF16(values[i]));
                case BF16 -> HalfFloats.bf16ToFloat(HalfFloats.floatToBf16(values[i]));
            };
        }
        return expected;
    }

    static Set<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
