package org.spinworkbench.lm.hf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a checkpoint can be broken, and the message the user then reads. */
class SafetensorsErrorsTest {
    private static final String W_2X3 = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]}}";

    @TempDir
    Path dir;

    private Path model() {
        return dir.resolve("model.safetensors");
    }

    @Test
    void aFileShorterThanTheHeaderLengthIsTruncated() throws IOException {
        Files.write(model(), new byte[5]);

        assertEquals(model() + " is truncated: 5 bytes, too short for a safetensors file "
                + "(it starts with an 8-byte header length)", openFails());
    }

    @Test
    void aHeaderLengthBeyondTheFileIsNamed() throws IOException {
        RawSafetensors.write(model(), 1000, "{}".getBytes(StandardCharsets.UTF_8), new byte[8]);

        assertEquals(model() + ": the header length 1000 goes beyond the end of the file (18 bytes); "
                + "the file is truncated or not safetensors", openFails());
        RawSafetensors.write(model(), -1, "{}".getBytes(StandardCharsets.UTF_8), new byte[0]);
        assertTrue(openFails().contains("the header length 18446744073709551615 goes beyond"), openFails());
    }

    @Test
    void aHeaderThatIsNotJsonIsNamed() throws IOException {
        RawSafetensors.write(model(), "{\"w\": {\"dtype\": ", new byte[0]);
        assertTrue(openFails().startsWith(model() + ": the header is not JSON: "), openFails());

        RawSafetensors.write(model(), "[1, 2]", new byte[0]);
        assertEquals(model() + ": the header is not JSON: not a JSON object", openFails());

        RawSafetensors.write(model(), 2, new byte[] {(byte) 0xC3, (byte) 0x28}, new byte[0]);
        assertEquals(model() + ": the header is not JSON (not even UTF-8 text)", openFails());
    }

    @Test
    void dataEndingBeyondTheFileIsTruncation() throws IOException {
        RawSafetensors.write(model(), W_2X3, new byte[12]);

        assertEquals(model() + " is truncated: tensor 'w' ends at data byte 24 but only 12 bytes of data "
                + "follow the header", openFails());
    }

    @Test
    void offsetsThatDoNotMatchDtypeTimesShapeAreNamed() throws IOException {
        RawSafetensors.write(model(), W_2X3.replace("24]", "20]"), new byte[24]);

        assertEquals(model() + ": tensor 'w' has data_offsets [0, 20] (20 bytes) but F32 × [2, 3] needs 24 bytes",
                openFails());
    }

    @Test
    void overlappingTensorsAreNamed() throws IOException {
        RawSafetensors.write(model(), """
                {"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},\
                "b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}""", new byte[12]);

        assertEquals(model() + ": tensors 'a' [0, 8] and 'b' [4, 12] overlap", openFails());
    }

    @Test
    void negativeOrBackwardOffsetsAreNamed() throws IOException {
        RawSafetensors.write(model(), W_2X3.replace("[0,24]", "[-24,0]"), new byte[24]);
        assertEquals(model() + ": tensor 'w' has a bad data_offsets [-24,0]: expected a list of 2 non-negative integers",
                openFails());

        RawSafetensors.write(model(), W_2X3.replace("[0,24]", "[24,0]"), new byte[24]);
        assertEquals(model() + ": tensor 'w' has data_offsets [24, 0] that end before they begin", openFails());

        RawSafetensors.write(model(), W_2X3.replace("[2,3]", "[2,-3]"), new byte[24]);
        assertEquals(model() + ": tensor 'w' has a bad shape [2,-3]: expected a list of non-negative integers",
                openFails());
    }

    @Test
    void anUnknownDtypeIsNamedWithTheSupportedOnes() throws IOException {
        RawSafetensors.write(model(), W_2X3.replace("F32", "I64").replace("24]", "48]"), new byte[48]);

        assertEquals(model() + ": tensor 'w' has dtype 'I64', which cannot be loaded; supported dtypes: "
                + "[F32, F16, BF16]", openFails());
    }

    @Test
    void aMissingTensorIsNamed() throws IOException {
        RawSafetensors.write(model(), W_2X3, new byte[24]);

        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(dir);
             NDManager manager = NDManager.newBaseManager()) {
            CheckpointException e = assertThrows(CheckpointException.class,
                    () -> checkpoint.load("lm_head.weight", manager));
            assertEquals("The tensor 'lm_head.weight' is missing from " + model(), e.getMessage());
        }
    }

    @Test
    void aShapeOtherThanTheModelExpectsIsNamed() throws IOException {
        RawSafetensors.write(model(), W_2X3, new byte[24]);

        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(dir);
             NDManager manager = NDManager.newBaseManager()) {
            CheckpointException e = assertThrows(CheckpointException.class,
                    () -> checkpoint.load("w", new long[] {3, 2}, manager));
            assertEquals(model() + ": tensor 'w' has shape [2, 3] but the model expects [3, 2]", e.getMessage());
        }
    }

    @Test
    void aFolderWithoutWeightsIsNamed() throws IOException {
        assertEquals("The model folder " + dir + " has neither model.safetensors nor model.safetensors.index.json",
                openFails());

        Files.write(dir.resolve("pytorch_model.bin"), new byte[1]);
        assertEquals("The model folder " + dir + " has neither model.safetensors nor model.safetensors.index.json"
                + " (it has pytorch_model.bin: PyTorch pickles are not read; save the model as safetensors)", openFails());
    }

    @Test
    void aMissingShardIsNamed() throws IOException {
        new SafetensorsWriter().writeSharded(dir, List.of(SafetensorsRoundTripTest.tensor("a", new long[] {4}, 1),
                SafetensorsRoundTripTest.tensor("b", new long[] {4}, 2)), DType.F32, 16);
        Files.delete(dir.resolve("model-00002-of-00002.safetensors"));

        assertEquals(dir.resolve("model.safetensors.index.json") + " names the shard model-00002-of-00002.safetensors,"
                + " which is missing from " + dir, openFails());
    }

    @Test
    void anIndexPointingAtTheWrongShardOrOutsideTheFolderIsNamed() throws IOException {
        RawSafetensors.write(dir.resolve("shard.safetensors"), W_2X3, new byte[24]);
        Path index = dir.resolve("model.safetensors.index.json");

        Files.writeString(index, "{\"weight_map\": {\"v\": \"shard.safetensors\"}}");
        assertEquals(index + " places tensor 'v' in " + dir.resolve("shard.safetensors") + ", which does not hold it",
                openFails());

        Files.writeString(index, "{\"weight_map\": {\"w\": \"../elsewhere/shard.safetensors\"}}");
        assertEquals(index + ": tensor 'w' is mapped to \"../elsewhere/shard.safetensors\", not to a file name "
                + "in the same folder", openFails());

        Files.writeString(index, "{\"metadata\": {}}");
        assertEquals(index + " has no weight_map", openFails());
    }

    @Test
    void theWriterRefusesDuplicateAndReservedNames() {
        SafetensorsWriter writer = new SafetensorsWriter();
        NamedTensor a = new NamedTensor("a", new long[] {1}, new float[1]);

        IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
                () -> writer.write(model(), List.of(a, a), DType.F32, null));
        assertEquals("tensor name 'a' is used twice", duplicate.getMessage());
        IllegalArgumentException reserved = assertThrows(IllegalArgumentException.class, () -> writer.write(model(),
                List.of(new NamedTensor("__metadata__", new long[] {1}, new float[1])), DType.F32, null));
        assertEquals("tensor name '__metadata__' is reserved", reserved.getMessage());
        assertEquals("tensor w has shape [2, 2] (4 elements) but 3 values", assertThrows(IllegalArgumentException.class,
                () -> new NamedTensor("w", new long[] {2, 2}, new float[3])).getMessage());
        assertTrue(Files.notExists(model()));
    }

    private String openFails() {
        return assertThrows(CheckpointException.class, () -> SafetensorsCheckpoint.open(dir).close()).getMessage();
    }
}
