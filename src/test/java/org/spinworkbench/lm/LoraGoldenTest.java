package org.spinworkbench.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.lm.hf.DType;
import org.spinworkbench.lm.hf.NamedTensor;
import org.spinworkbench.lm.hf.NetworkLoader;
import org.spinworkbench.lm.hf.PeftAdapterFolder;
import org.spinworkbench.lm.hf.SafetensorsCheckpoint;
import org.spinworkbench.lm.hf.SafetensorsWriter;

/**
 * LoRA against an independent float64 PyTorch reference (src/test/python/reference_lora.py):
 * a PEFT adapter folder (its adapter_config.json written by the reference, as PEFT writes
 * one) on the qwen2-bias base, applied at every forward pass and merged into the weights,
 * gives the reference's logits and response scores.
 */
class LoraGoldenTest {
    private static final String VARIANT = "qwen2-lora";
    private static final double TOLERANCE = 1e-4;

    @TempDir
    Path base;
    @TempDir
    Path adapter;
    @TempDir
    Path scratch;

    private JsonObject golden;
    private ModelConfig config;

    @BeforeEach
    void writeBaseAndAdapter() throws Exception {
        Path source = Path.of("src/test/resources/golden", VARIANT);
        golden = JsonParser.parseString(Files.readString(source.resolve("expected.json"))).getAsJsonObject();
        Files.copy(source.resolve("config.json"), base.resolve("config.json"));
        config = ModelConfig.read(base.resolve("config.json"));
        List<NamedTensor> weights = new ArrayList<>();
        config.expectedShapes().forEach((name, shape) ->
                weights.add(new NamedTensor(name, shape, TestWeights.values(name, shape))));
        new SafetensorsWriter().write(base.resolve("model.safetensors"), weights, DType.F32, Map.of());

        Files.copy(source.resolve(PeftAdapterFolder.CONFIG_FILE), adapter.resolve(PeftAdapterFolder.CONFIG_FILE));
        List<NamedTensor> tensors = new ArrayList<>();
        LoraAdapter.shapes(PeftAdapterFolder.readConfig(adapter), config).forEach((name, shape) ->
                tensors.add(new NamedTensor(name, shape, TestWeights.values(name, shape))));
        new SafetensorsWriter().write(adapter.resolve(PeftAdapterFolder.WEIGHTS_FILE), tensors, DType.F32, Map.of());
        Engine.getInstance(); // loads the native library
        JniUtils.setGradMode(false);
    }

    @Test
    void theAdapterFolderReadsAsPeftWroteIt() {
        LoraConfig lora = PeftAdapterFolder.readConfig(adapter);
        assertEquals(golden.get("rank").getAsInt(), lora.rank());
        assertEquals(golden.get("lora_alpha").getAsDouble(), lora.alpha());
        assertEquals(0.05, lora.dropout());
        assertEquals(List.of("q_proj", "v_proj", "o_proj", "down_proj"), lora.targets());
    }

    @Test
    void anAttachedAdapterGivesTheReferenceLogitsAndScores() throws Exception {
        try (LlamaModel model = NetworkLoader.load(base, config, Device.cpu())) {
            List<float[]> before = inputs().stream().map(ids -> GoldenModelTest.logitsOf(model, ids)).toList();
            model.attach(PeftAdapterFolder.read(adapter, config, model.manager()));
            assertMatchesReference(model);
            // the comparison can fail: without the adapter the logits are off by the adapter's effect
            double moved = 0;
            for (int s = 0; s < before.size(); s++) {
                float[] after = GoldenModelTest.logitsOf(model, inputs().get(s));
                for (int i = 0; i < after.length; i++) {
                    moved = Math.max(moved, Math.abs(after[i] - before.get(s)[i]));
                }
            }
            assertEquals(golden.get("adapter_effect").getAsDouble(), moved, 1e-4);
            assertTrue(moved > 100 * TOLERANCE, "the adapter moves logits by " + moved);

            List<int[]> prompts = new ArrayList<>();
            List<int[]> responses = new ArrayList<>();
            List<Double> expected = new ArrayList<>();
            for (var element : golden.getAsJsonArray("scores")) {
                JsonObject score = element.getAsJsonObject();
                prompts.add(ints(score.getAsJsonArray("prompt")));
                responses.add(ints(score.getAsJsonArray("response")));
                expected.add(score.get("logprob_sum").getAsDouble());
            }
            double[] scores = new Scorer(model, 0).score(prompts, responses);
            for (int i = 0; i < scores.length; i++) {
                assertEquals(expected.get(i), scores[i], TOLERANCE, "score " + i);
            }
        }
    }

    @Test
    void theMergedModelGivesTheReferenceLogits() throws Exception {
        Path merged = scratch.resolve("merged");
        Files.createDirectories(merged);
        Files.copy(base.resolve("config.json"), merged.resolve("config.json"));
        try (LlamaModel model = NetworkLoader.load(base, config, Device.cpu());
             LoraAdapter lora = PeftAdapterFolder.read(adapter, config, model.manager());
             NDManager into = model.manager().newSubManager()) {
            List<NamedTensor> tensors = new ArrayList<>();
            lora.mergedInto(model.weights(), into).forEach((name, weight) -> tensors.add(NamedTensor.of(name, weight)));
            new SafetensorsWriter().write(merged.resolve("model.safetensors"), tensors, DType.F32, Map.of());
        }
        try (LlamaModel model = NetworkLoader.load(merged, config, Device.cpu())) {
            assertMatchesReference(model);
        }
    }

    @Test
    void aWrittenAdapterHasPeftsFilesAndReadsBackBitForBit() throws Exception {
        Path written = scratch.resolve("written");
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
             LoraAdapter lora = PeftAdapterFolder.read(adapter, config, manager)) {
            PeftAdapterFolder.write(lora, "/models/qwen2-bias", written);
            JsonObject json = JsonParser.parseString(Files.readString(written.resolve("adapter_config.json")))
                    .getAsJsonObject();
            assertEquals("LORA", json.get("peft_type").getAsString());
            assertEquals("CAUSAL_LM", json.get("task_type").getAsString());
            assertEquals(4, json.get("r").getAsInt());
            assertEquals("6", json.get("lora_alpha").toString());
            assertEquals("/models/qwen2-bias", json.get("base_model_name_or_path").getAsString());
            assertEquals("[\"q_proj\",\"v_proj\",\"o_proj\",\"down_proj\"]", json.get("target_modules").toString());
            assertEquals("none", json.get("bias").getAsString());
            try (SafetensorsCheckpoint weights = SafetensorsCheckpoint.openFile(written.resolve("adapter_model.safetensors"))) {
                Set<String> names = new TreeSet<>(weights.names());
                assertEquals(2 * 4 * config.numHiddenLayers(), names.size());
                assertArrayEquals(new long[] {4, 32},
                        weights.info("base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight").shape());
                assertArrayEquals(new long[] {32, 4},
                        weights.info("base_model.model.model.layers.1.self_attn.q_proj.lora_B.weight").shape());
                assertArrayEquals(new long[] {32, 4},
                        weights.info("base_model.model.model.layers.1.mlp.down_proj.lora_B.weight").shape());
                assertArrayEquals(new long[] {4, 48},
                        weights.info("base_model.model.model.layers.1.mlp.down_proj.lora_A.weight").shape());
                for (var entry : lora.parameters().entrySet()) {
                    NDArray back = weights.load(entry.getKey(), manager);
                    assertArrayEquals(entry.getValue().toFloatArray(), back.toFloatArray(), entry.getKey());
                }
            }
        }
    }

    private void assertMatchesReference(LlamaModel model) {
        List<int[]> inputs = inputs();
        int vocabulary = config.vocabSize();
        for (int s = 0; s < inputs.size(); s++) {
            float[] logits = GoldenModelTest.logitsOf(model, inputs.get(s));
            JsonArray expected = golden.getAsJsonArray("logits").get(s).getAsJsonArray();
            for (int t = 0; t < inputs.get(s).length; t++) {
                JsonArray row = expected.get(t).getAsJsonArray();
                for (int v = 0; v < vocabulary; v++) {
                    assertEquals(row.get(v).getAsDouble(), logits[t * vocabulary + v], TOLERANCE,
                            "sequence " + s + " position " + t + " token " + v);
                }
            }
        }
    }

    private List<int[]> inputs() {
        List<int[]> inputs = new ArrayList<>();
        golden.getAsJsonArray("inputs").forEach(e -> inputs.add(ints(e.getAsJsonArray())));
        return inputs;
    }

    private static int[] ints(JsonArray array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).getAsInt();
        }
        return values;
    }
}
