package org.spinworkbench.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spinworkbench.lm.hf.DType;
import org.spinworkbench.lm.hf.NamedTensor;
import org.spinworkbench.lm.hf.NetworkLoader;
import org.spinworkbench.lm.hf.SafetensorsWriter;

/**
 * The engine against an independent float64 PyTorch implementation
 * (src/test/python/reference_llama.py): each variant's checkpoint is written here, in its
 * dtype and sharding, loaded back through the real loader, and run.
 */
class GoldenModelTest {
    private static final double TOLERANCE = 1e-4;

    @TempDir
    Path folder;

    private static JsonObject golden(String variant) throws Exception {
        return JsonParser.parseString(Files.readString(
                Path.of("src/test/resources/golden", variant, "expected.json"))).getAsJsonObject();
    }

    private LlamaModel writeAndLoad(String variant, JsonObject golden) throws Exception {
        Path source = Path.of("src/test/resources/golden", variant, "config.json");
        Files.copy(source, folder.resolve("config.json"));
        ModelConfig config = ModelConfig.read(folder.resolve("config.json"));
        List<NamedTensor> tensors = new ArrayList<>();
        for (var entry : config.expectedShapes().entrySet()) {
            tensors.add(new NamedTensor(entry.getKey(), entry.getValue(),
                    TestWeights.values(entry.getKey(), entry.getValue())));
        }
        DType dtype = DType.valueOf(golden.get("dtype").getAsString());
        if (golden.get("sharded").getAsBoolean()) {
            new SafetensorsWriter().writeSharded(folder, tensors, dtype, 8 * 1024);
        } else {
            new SafetensorsWriter().write(folder.resolve("model.safetensors"), tensors, dtype, java.util.Map.of());
        }
        return NetworkLoader.load(folder, config, Device.cpu());
    }

    private static int[] ints(JsonArray array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).getAsInt();
        }
        return values;
    }

    @ParameterizedTest
    @ValueSource(strings = {"llama-tied-gqa", "qwen2-bias", "mistral-headdim", "llama-bf16-sharded"})
    void logitsScoresAndGreedyTokensMatchTheReference(String variant) throws Exception {
        JsonObject golden = golden(variant);
        try (LlamaModel model = writeAndLoad(variant, golden)) {
            JniUtils.setGradMode(false);
            JsonArray inputs = golden.getAsJsonArray("inputs");
            for (int s = 0; s < inputs.size(); s++) {
                int[] ids = ints(inputs.get(s).getAsJsonArray());
                float[] logits = logitsOf(model, ids);
                JsonArray expected = golden.getAsJsonArray("logits").get(s).getAsJsonArray();
                int vocabulary = model.config().vocabSize();
                for (int t = 0; t < ids.length; t++) {
                    JsonArray row = expected.get(t).getAsJsonArray();
                    for (int v = 0; v < vocabulary; v++) {
                        assertEquals(row.get(v).getAsDouble(), logits[t * vocabulary + v], TOLERANCE,
                                variant + " sequence " + s + " position " + t + " token " + v);
                    }
                }
            }

            List<int[]> prompts = new ArrayList<>();
            List<int[]> responses = new ArrayList<>();
            List<Double> expectedScores = new ArrayList<>();
            for (var element : golden.getAsJsonArray("scores")) {
                JsonObject score = element.getAsJsonObject();
                prompts.add(ints(score.getAsJsonArray("prompt")));
                responses.add(ints(score.getAsJsonArray("response")));
                expectedScores.add(score.get("logprob_sum").getAsDouble());
            }
            double[] scores = new Scorer(model, 0).score(prompts, responses); // one padded batch
            for (int i = 0; i < scores.length; i++) {
                assertEquals(expectedScores.get(i), scores[i], TOLERANCE, variant + " score " + i);
            }

            Generator generator = new Generator(model, Set.of(), 0);
            for (var element : golden.getAsJsonArray("greedy")) {
                JsonObject greedy = element.getAsJsonObject();
                int[] tokens = generator.generate(List.of(ints(greedy.getAsJsonArray("prompt"))),
                        SamplingOptions.greedy(greedy.get("max_new_tokens").getAsInt()), 0).get(0).tokens();
                assertArrayEquals(ints(greedy.getAsJsonArray("tokens")), tokens, variant + " greedy");
            }
        }
    }

    static float[] logitsOf(LlamaModel model, int[] ids) {
        int length = ids.length;
        long[] tokens = new long[length];
        long[] positions = new long[length];
        long[] mask = new long[length];
        for (int i = 0; i < length; i++) {
            tokens[i] = ids[i];
            positions[i] = i;
            mask[i] = 1;
        }
        try (NDManager work = model.manager().newSubManager(); NDScope scope = new NDScope()) {
            NDArray hidden = model.forward(work.create(tokens, new Shape(1, length)),
                    work.create(positions, new Shape(1, length)), work.create(mask, new Shape(1, length)), null);
            return model.logits(hidden).toFloatArray();
        }
    }
}
