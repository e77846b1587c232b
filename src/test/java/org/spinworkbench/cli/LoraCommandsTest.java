package org.spinworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.lm.hf.SafetensorsCheckpoint;
import org.spinworkbench.runs.RunFolders;
import org.spinworkbench.runs.RunSpec;
import org.spinworkbench.store.Sample;
import org.spinworkbench.store.Split;
import org.spinworkbench.store.Workspace;

/**
 * LoRA runs through the command line on a tiny real model: each iteration's PEFT adapter and
 * its merged model, iteration t+1 starting from iteration t's adapter, both exports, an
 * adapter taken back as a base, and the refusals.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LoraCommandsTest {
    private static final String[] QUICK = {"--epochs", "1", "--batch-size", "4", "--lr", "1e-2", "--max-length", "64",
        "--max-prompt-length", "32", "--save-steps", "0", "--device", "cpu", "--threads", "1"};
    private static final String[] LORA = {"--lora-rank", "4", "--lora-alpha", "8", "--lora-targets",
        "q_proj,v_proj,down_proj"};

    @TempDir
    static Path dir;
    static Path model;
    static Path data;
    static Path workspace;
    static Path runFolder;
    private static int threadsBefore;

    @TempDir
    Path own;

    private final CliHarness cli = new CliHarness();

    @BeforeAll
    static void trainTwoLoraIterations() throws Exception {
        Engine.getInstance();
        threadsBefore = JniUtils.getNumThreads();
        Path config = Files.writeString(dir.resolve("config.json"), """
                {"architectures": ["LlamaForCausalLM"], "vocab_size": 259, "hidden_size": 32,
                 "intermediate_size": 64, "num_hidden_layers": 2, "num_attention_heads": 4,
                 "num_key_value_heads": 2, "max_position_embeddings": 256, "bos_token_id": 256, "eos_token_id": 258}
                """);
        model = dir.resolve("model");
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add("{\"prompt\": \"" + i + "+" + (i + 3) + "=\", \"response\": \"" + (2 * i + 3) + "\"}");
        }
        data = Files.write(dir.resolve("sums.jsonl"), rows);
        workspace = dir.resolve("ws");
        CliHarness cli = new CliHarness();
        assertEquals(0, cli.run("init-model", "--config", config.toString(), "--output", model.toString(), "--seed",
                "3"), cli.err.toString());
        assertEquals(0, cli.run(args(QUICK, LORA, "spin", "--model", model.toString(), "--data", data.toString(),
                "--project", "Sums", "--iterations", "2", "--max-new-tokens", "6", "--workspace",
                workspace.toString())), cli.err.toString());
        assertTrue(cli.err.toString().contains("with iteration 1's LoRA adapter"), cli.err.toString());
        try (Workspace open = Workspace.open(workspace)) {
            runFolder = RunFolders.of(open, open.runs().findById(1).orElseThrow()).root();
        }
    }

    @AfterAll
    static void restoreThreads() {
        JniUtils.setNumThreads(threadsBefore);
    }

    @Test
    void eachIterationKeepsAPeftAdapterAndTheModelItMergesInto() throws Exception {
        Map<String, float[]> base = weights(model.resolve("model.safetensors"));
        for (int iteration = 1; iteration <= 2; iteration++) {
            Path adapter = runFolder.resolve("iteration-" + iteration).resolve("adapter");
            JsonObject config = JsonParser.parseString(Files.readString(adapter.resolve("adapter_config.json")))
                    .getAsJsonObject();
            assertEquals("LORA", config.get("peft_type").getAsString());
            assertEquals(4, config.get("r").getAsInt());
            assertEquals(8, config.get("lora_alpha").getAsInt());
            assertEquals("[\"q_proj\",\"v_proj\",\"down_proj\"]", config.get("target_modules").toString());
            assertEquals(model.toAbsolutePath().normalize().toString(),
                    config.get("base_model_name_or_path").getAsString());
            Map<String, float[]> lora = weights(adapter.resolve("adapter_model.safetensors"));
            assertEquals(2 * 3 * 2, lora.size());

            Map<String, float[]> merged = weights(runFolder.resolve("iteration-" + iteration).resolve("model")
                    .resolve("model.safetensors"));
            // projections without an adapter, embeddings and norms: the base's, bit for bit (frozen)
            for (String frozen : List.of("model.embed_tokens.weight", "model.layers.0.self_attn.k_proj.weight",
                    "model.layers.1.mlp.gate_proj.weight", "model.layers.1.input_layernorm.weight", "model.norm.weight")) {
                assertArrayEquals(base.get(frozen), merged.get(frozen), frozen);
            }
            // an adapted one: W + (α/r)·B·A, summed here in double, independently of the engine
            String module = "model.layers.1.self_attn.v_proj";
            float[] a = lora.get("base_model.model." + module + ".lora_A.weight");  // (4, 32)
            float[] b = lora.get("base_model.model." + module + ".lora_B.weight");  // (16, 4)
            float[] w = base.get(module + ".weight");                              // (16, 32)
            float[] expected = new float[w.length];
            double largestUpdate = 0;
            for (int out = 0; out < 16; out++) {
                for (int in = 0; in < 32; in++) {
                    double update = 0;
                    for (int r = 0; r < 4; r++) {
                        update += (double) b[out * 4 + r] * a[r * 32 + in];
                    }
                    expected[out * 32 + in] = (float) (w[out * 32 + in] + 2.0 * update);
                    largestUpdate = Math.max(largestUpdate, Math.abs(2.0 * update));
                }
            }
            assertTrue(largestUpdate > 1e-4, "iteration " + iteration + " trained its adapter: " + largestUpdate);
            float[] actual = merged.get(module + ".weight");
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], 1e-6, module + " element " + i);
            }
        }
    }

    @Test
    void iterationTwoStartsFromIterationOnesAdapter() {
        try (Workspace open = Workspace.open(workspace)) {
            long first = open.iterations().find(1, 1).orElseThrow().id();
            long second = open.iterations().find(1, 2).orElseThrow().id();
            Map<Integer, Sample> trained = byExample(open.samples().list(first, Split.TRAIN));
            Map<Integer, Sample> next = byExample(open.samples().list(second, Split.TRAIN));
            assertEquals(trained.keySet(), next.keySet());
            double moved = 0;
            for (int example : trained.keySet()) {
                // iteration 2's opponent scores the real answer as iteration 1's trained model did
                assertEquals(trained.get(example).scores().policyLogpReal(), next.get(example).scores().refLogpReal(),
                        1e-3, "example " + example);
                moved = Math.max(moved, Math.abs(trained.get(example).scores().refLogpReal()
                        - next.get(example).scores().refLogpReal()));
            }
            assertTrue(moved > 1e-2, "a fresh adapter would score as the base: " + moved);
        }
    }

    @Test
    void exportsTheMergedModelOrThePeftAdapterWhichTakenBackAsABaseIsThatModel() throws Exception {
        Path merged = own.resolve("merged");
        assertEquals(0, cli.run("export", "--run", "1", "--iteration", "1", "--output", merged.toString(),
                "--dtype", "F32", "--workspace", workspace.toString()), cli.err.toString());
        Path adapter = own.resolve("adapter");
        assertEquals(0, cli.run("export", "--run", "1", "--iteration", "1", "--output", adapter.toString(),
                "--adapter-only", "--workspace", workspace.toString()), cli.err.toString());
        assertTrue(cli.out.toString().contains("(PEFT)"), cli.out.toString());
        try (Stream<Path> files = Files.list(adapter)) {
            assertEquals(List.of("adapter_config.json", "adapter_model.safetensors"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }

        // --model + --adapter: the run starts from the base with the adapter merged, the model exported above
        Path other = own.resolve("ws");
        assertEquals(0, cli.run(args(QUICK, new String[0], "sft", "--model", model.toString(), "--adapter",
                adapter.toString(), "--data", data.toString(), "--project", "Again", "--output",
                own.resolve("sft").toString(), "--gradient-checkpointing", "--workspace", other.toString())),
                cli.err.toString());
        assertTrue(cli.err.toString().contains("with the adapter " + adapter + " merged"), cli.err.toString());
        Path mergedBase;
        try (Workspace open = Workspace.open(other)) {
            RunSpec stored = RunSpec.fromJson(open.runs().findById(1).orElseThrow().configJson());
            mergedBase = Path.of(stored.baseModel());
            assertTrue(stored.training().gradientCheckpointing());
        }
        assertTrue(mergedBase.getParent().getFileName().toString().equals("base-models"), mergedBase.toString());
        Map<String, float[]> exported = weights(merged.resolve("model.safetensors"));
        Map<String, float[]> rebuilt = weights(mergedBase.resolve("model.safetensors"));
        assertEquals(exported.keySet(), rebuilt.keySet());
        exported.forEach((name, values) -> assertArrayEquals(values, rebuilt.get(name), name));

        // run 1 of that workspace trains every weight: it has no adapter to export
        assertEquals(1, cli.run("export", "--run", "1", "--iteration", "1", "--output", own.resolve("none").toString(),
                "--adapter-only", "--workspace", other.toString()));
        assertTrue(cli.err.toString().contains("trains every weight, so it has no LoRA adapter"), cli.err.toString());
    }

    @Test
    void benchTimesALoraSpinStep() {
        assertEquals(0, cli.run("bench", "--model", model.toString(), "--lora-rank", "4", "--lora-targets", "all-linear",
                "--batch-sizes", "1", "--prompt-tokens", "4", "--new-tokens", "2", "--score-tokens", "8",
                "--train-pairs", "2", "--train-tokens", "16", "--repeats", "1", "--matmul-size", "64", "--json",
                "--device", "cpu", "--threads", "1"), cli.err.toString());
        JsonObject summary = JsonParser.parseString(cli.out.toString().strip()).getAsJsonObject();
        JsonObject training = null;
        for (var row : summary.getAsJsonArray("throughput")) {
            if (row.getAsJsonObject().get("task").getAsString().equals("train_spin_lora")) {
                training = row.getAsJsonObject();
            }
        }
        assertTrue(training != null && training.get("tokens_per_second").getAsDouble() > 0, summary.toString());
    }

    @Test
    void badLoraSettingsAndAHandOffAreRefusedInASentence() {
        assertEquals(1, cli.run(args(QUICK, new String[0], "spin", "--model", model.toString(), "--data",
                data.toString(), "--lora-alpha", "16", "--workspace", own.resolve("a").toString())));
        assertTrue(cli.err.toString().contains("--lora-alpha, --lora-dropout and --lora-targets need --lora-rank"),
                cli.err.toString());
        assertEquals(1, cli.run(args(QUICK, new String[0], "spin", "--model", model.toString(), "--data",
                data.toString(), "--lora-rank", "4", "--lora-targets", "lm_head", "--workspace",
                own.resolve("b").toString())));
        assertTrue(cli.err.toString().contains("LoRA target 'lm_head' is not a linear layer of a decoder block"),
                cli.err.toString());
        assertEquals(1, cli.run(args(QUICK, new String[0], "spin", "--model", model.toString(), "--data",
                data.toString(), "--lora-rank", "0", "--workspace", own.resolve("c").toString())));
        assertTrue(cli.err.toString().contains("LoRA rank must be at least 1"), cli.err.toString());
        assertEquals(1, cli.run("export", "--run", "1", "--iteration", "2", "--job", own.resolve("job").toString(),
                "--workspace", workspace.toString()));
        assertTrue(cli.err.toString().contains("trains LoRA adapters"), cli.err.toString());
    }

    private static Map<Integer, Sample> byExample(List<Sample> samples) {
        Map<Integer, Sample> map = new TreeMap<>();
        samples.forEach(sample -> map.put(sample.exampleIndex(), sample));
        return map;
    }

    private static Map<String, float[]> weights(Path file) {
        Map<String, float[]> values = new TreeMap<>();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
             SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.openFile(file)) {
            for (String name : checkpoint.names()) {
                values.put(name, checkpoint.load(name, manager).toFloatArray());
            }
        }
        return values;
    }

    private static String[] args(String[] quick, String[] lora, String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(quick));
        all.addAll(List.of(lora));
        return all.toArray(String[]::new);
    }
}
