package org.spinworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.runs.RunSpec;
import org.spinworkbench.store.Iteration;
import org.spinworkbench.store.Sample;
import org.spinworkbench.store.Split;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.TrainingConfig;

/**
 * sft, spin, eval, runs and export through the command line, in process, on a tiny real
 * model. One two-iteration SPIN run, made once, serves the tests that read a finished run.
 */
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class TrainingCommandsTest {
    /** Small and quick everywhere; one thread, which is faster than two on shared cores. */
    private static final String[] QUICK = {"--epochs", "1", "--batch-size", "4", "--lr", "1e-3", "--max-length", "64",
        "--max-prompt-length", "32", "--save-steps", "0", "--device", "cpu", "--threads", "1"};
    private static final List<String> REFERENCE_METRICS = List.of("loss", "rewards/real", "rewards/generated",
            "rewards/margins", "rewards/accuracies", "logps/real", "logps/generated", "learning_rate", "grad_norm",
            "epoch", "eval_loss", "eval_rewards/real", "eval_rewards/generated", "eval_rewards/margins",
            "eval_rewards/accuracies", "eval_logps/real", "eval_logps/generated");

    @TempDir
    static Path dir;
    static Path config;
    static Path model;
    static Path data;
    /** Holds run 1: the two-iteration SPIN run of project "Sums". */
    static Path sharedWorkspace;
    static String spinOut;
    static String spinErr;
    private static int threadsBefore;

    @TempDir
    Path own;

    private final CliHarness cli = new CliHarness();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    @BeforeAll
    static void createModelDataAndARun() throws Exception {
        Engine.getInstance(); // loads libtorch, whose thread count the tests change and restore
        threadsBefore = JniUtils.getNumThreads();
        config = dir.resolve("config.json");
        Files.writeString(config, """
                {"architectures": ["LlamaForCausalLM"], "vocab_size": 259, "hidden_size": 32,
                 "intermediate_size": 64, "num_hidden_layers": 2, "num_attention_heads": 4,
                 "num_key_value_heads": 2, "max_position_embeddings": 256, "bos_token_id": 256, "eos_token_id": 258}
                """);
        model = dir.resolve("model");
        data = sums(dir.resolve("sums.jsonl"), 12);
        sharedWorkspace = dir.resolve("ws");
        TrainingCommandsTest first = new TrainingCommandsTest();
        assertEquals(0, first.run("init-model", "--config", config.toString(), "--output", model.toString(),
                "--seed", "3"), first.err.toString());
        assertEquals(0, first.run(with(QUICK, "spin", "--model", model.toString(), "--data", data.toString(),
                "--project", "Sums", "--iterations", "2", "--max-new-tokens", "6", "--workspace",
                sharedWorkspace.toString(), "--json")), first.err.toString());
        spinOut = first.out.toString();
        spinErr = first.err.toString();
    }

    @AfterAll
    static void restoreThreads() {
        JniUtils.setNumThreads(threadsBefore);
    }

    @Test
    void spinJsonEndsWithTheDocumentedSummary() {
        List<String> lines = spinOut.lines().toList();
        JsonObject summary = JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
        assertEquals(1, summary.get("run").getAsLong(), spinOut);
        JsonArray iterations = summary.getAsJsonArray("iterations");
        assertEquals(2, iterations.size(), spinOut);
        for (int t = 1; t <= 2; t++) {
            JsonObject iteration = iterations.get(t - 1).getAsJsonObject();
            assertEquals(t, iteration.get("iteration").getAsInt());
            JsonObject metrics = iteration.getAsJsonObject("metrics");
            for (String name : REFERENCE_METRICS) {
                assertTrue(metrics.has(name) && Double.isFinite(metrics.get(name).getAsDouble()),
                        name + " in iteration " + t + ": " + metrics);
            }
            Path checkpoint = Path.of(iteration.get("checkpoint").getAsString());
            assertTrue(checkpoint.isAbsolute(), checkpoint.toString());
            assertTrue(checkpoint.startsWith(sharedWorkspace), checkpoint.toString());
            assertTrue(Files.isRegularFile(checkpoint.resolve("model.safetensors")), checkpoint.toString());
        }
        assertTrue(spinErr.contains("12 examples from sums.jsonl"), spinErr);
        assertTrue(spinErr.contains("Run 1 completed."), spinErr);
    }

    @Test
    void sftFromAModelWritesAModelThatGenerates() throws Exception {
        Path output = own.resolve("sft-out");
        assertEquals(0, run(with(QUICK, "sft", "--model", model.toString(), "--data", data.toString(), "--output",
                output.toString(), "--workspace", own.resolve("ws").toString(), "--json")), err.toString());
        JsonObject summary = lastJson(out.toString());
        assertEquals(1, summary.get("run").getAsLong());
        assertEquals(output.toAbsolutePath().toString(), summary.get("output").getAsString());
        JsonObject metrics = summary.getAsJsonObject("metrics");
        for (String name : List.of("loss", "eval_loss", "learning_rate", "grad_norm", "epoch")) {
            assertTrue(metrics.has(name), name + " in " + metrics);
        }
        assertGenerates(output);
    }

    @Test
    void sftFromAConfigStartsFromRandomByteLevelWeights() throws Exception {
        Path output = own.resolve("from-scratch");
        Path workspace = own.resolve("ws");
        assertEquals(0, run(with(QUICK, "sft", "--config", config.toString(), "--data", data.toString(), "--output",
                output.toString(), "--seed", "5", "--project", "Scratch", "--workspace", workspace.toString())),
                err.toString());
        assertTrue(out.toString().startsWith("Run 1: loss "), out.toString());
        assertTrue(out.toString().strip().endsWith("model saved to " + output), out.toString());
        assertTrue(Files.isRegularFile(output.resolve("tokenizer.json")), "the byte-level tokenizer travels along");
        assertGenerates(output);

        assertEquals(2, run("sft", "--model", model.toString(), "--config", config.toString(), "--data",
                data.toString(), "--output", own.resolve("never").toString(), "--workspace", workspace.toString()));
        assertTrue(err.toString().contains("mutually exclusive"), err.toString());
    }

    @Test
    void aMalformedRowStopsTheRunByLineUnlessBadRowsAreSkipped() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(data));
        lines.set(2, "{\"prompt\": \"2+5=\"}");
        Path bad = Files.write(own.resolve("bad.jsonl"), lines);
        Path workspace = own.resolve("ws");
        String[] spin = with(QUICK, "spin", "--model", model.toString(), "--data", bad.toString(), "--iterations", "1",
                "--max-new-tokens", "4", "--workspace", workspace.toString());

        assertEquals(1, run(spin));
        List<String> errors = err.toString().lines().filter(line -> line.startsWith("error:")).toList();
        assertEquals(List.of("error: bad.jsonl line 3: missing field \"response\""), errors, err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
        assertEquals(0, run("runs", "list", "--workspace", workspace.toString()));
        assertTrue(out.toString().startsWith("No runs yet"), "nothing is recorded for a run that never started");

        assertEquals(0, run(with(new String[] {"--skip-bad-rows"}, spin)), err.toString());
        assertTrue(err.toString().contains("11 examples from bad.jsonl (prompt/response); 1 row of 12 skipped:"
                + " line 3: missing field \"response\"."), err.toString());
        assertTrue(err.toString().contains("Run 1 completed."), err.toString());
    }

    @Test
    void aFiftyMegabyteRowIsARowProblemNotACrash() throws Exception {
        // it used to reach the native tokenizer, which took 12 GB and aborted the JVM with the run left running
        List<String> lines = new ArrayList<>(Files.readAllLines(data));
        lines.set(3, "{\"prompt\": \"" + "7+".repeat(25 << 20) + "1=\", \"response\": \"8\"}");
        Path huge = Files.write(own.resolve("huge.jsonl"), lines);
        Path workspace = own.resolve("ws");
        String[] spin = with(QUICK, "spin", "--model", model.toString(), "--data", huge.toString(), "--iterations", "1",
                "--max-new-tokens", "4", "--workspace", workspace.toString());

        assertEquals(1, run(spin));
        List<String> errors = err.toString().lines().filter(line -> line.startsWith("error:")).toList();
        assertEquals(List.of("error: huge.jsonl line 4: 52,428,803 characters, more than a run with max length 64"
                + " can use (at most 2,048, 32 per token); shorten the row or skip it"), errors, err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
        assertEquals(0, run("runs", "list", "--workspace", workspace.toString()));
        assertTrue(out.toString().startsWith("No runs yet"), out.toString());

        assertEquals(0, run(with(new String[] {"--skip-bad-rows"}, spin)), err.toString());
        assertTrue(err.toString().contains("11 examples from huge.jsonl (prompt/response); 1 row of 12 skipped:"
                + " line 4: 52,428,803 characters"), err.toString());
        assertTrue(err.toString().contains("Run 1 completed."), err.toString());
    }

    @Test
    void useDataGeneratedTrainsIterationOneOnTheDatasetsSyntheticResponses() throws Exception {
        Map<String, String> generatedByPrompt = new LinkedHashMap<>();
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String prompt = i + "+" + (i + 3) + "=";
            String generated = "maybe " + (i * 7 % 10);
            generatedByPrompt.put(prompt, generated);
            rows.add("{\"real\": [" + message("user", prompt) + ", " + message("assistant", String.valueOf(2 * i + 3))
                    + "], \"generated\": [" + message("user", prompt) + ", " + message("assistant", generated) + "]}");
        }
        Path spinData = Files.write(own.resolve("spin-layout.jsonl"), rows);
        Path workspace = own.resolve("ws");
        assertEquals(0, run(with(QUICK, "spin", "--model", model.toString(), "--data", spinData.toString(),
                "--iterations", "1", "--use-data-generated", "--max-new-tokens", "4", "--workspace",
                workspace.toString())), err.toString());
        assertTrue(err.toString().contains("(SPIN layout)"), err.toString());
        assertFalse(err.toString().contains("generating"), "iteration 1 generates nothing: " + err);

        try (Workspace open = Workspace.open(workspace)) {
            Iteration first = open.iterations().find(1, 1).orElseThrow();
            List<Sample> samples = new ArrayList<>(open.samples().list(first.id(), Split.TRAIN));
            samples.addAll(open.samples().list(first.id(), Split.EVAL));
            assertEquals(8, samples.size());
            for (Sample sample : samples) {
                assertEquals(generatedByPrompt.get(sample.prompt()), sample.syntheticResponse(), sample.prompt());
            }
        }
    }

    @Test
    void regularisedSelfPlayRunsWithItsSettingsStoredAndOutOfRangeOnesAreRefused() throws Exception {
        Path workspace = own.resolve("ws");
        assertEquals(0, run(with(QUICK, "spin", "--model", model.toString(), "--data", data.toString(),
                "--iterations", "2", "--max-new-tokens", "4", "--kl-anchor", "0.3", "--opponents", "2",
                "--nll-alpha", "0.5", "--workspace", workspace.toString())), err.toString());
        assertTrue(err.toString().contains("synthetic responses from " + model), err.toString());
        try (Workspace open = Workspace.open(workspace)) {
            TrainingConfig stored = RunSpec.fromJson(open.runs().findById(1).orElseThrow().configJson()).training();
            assertEquals(0.3, stored.klAnchor());
            assertEquals(2, stored.opponents());
            assertEquals(0.5, stored.nllAlpha());
            assertTrue(open.iterations().find(1, 2).isPresent());
        }

        assertEquals(1, run(with(QUICK, "spin", "--model", model.toString(), "--data", data.toString(),
                "--kl-anchor", "1", "--workspace", own.resolve("ws2").toString())));
        assertTrue(err.toString().contains("KL anchor must be in [0, 1)"), err.toString());
    }

    @Test
    void aRunWhoseGradientsVanishSaysSoInItsLog() {
        // lr 1e4 saturates the tiny model at once: the run completes, but nothing learns after the first steps
        assertEquals(0, run("sft", "--model", model.toString(), "--data", data.toString(), "--epochs", "5",
                "--batch-size", "1", "--lr", "1e4", "--max-length", "64", "--max-prompt-length", "32",
                "--save-steps", "0", "--device", "cpu", "--threads", "1", "--output", own.resolve("dead").toString(),
                "--workspace", own.resolve("ws").toString()), err.toString());
        assertTrue(err.toString().contains("has had no gradient (grad_norm 0) for the last 10 steps"), err.toString());
        assertTrue(err.toString().contains("(this run's is 10000.0)"), err.toString());
    }

    @Test
    void runsListShowsEveryRunOrOneProjects() throws Exception {
        Path workspace = own.resolve("ws");
        Path small = sums(own.resolve("small.jsonl"), 6);
        assertEquals(0, run(with(QUICK, "spin", "--model", model.toString(), "--data", small.toString(),
                "--project", "Alpha", "--iterations", "1", "--max-new-tokens", "4", "--workspace",
                workspace.toString())), err.toString());
        assertEquals(0, run(with(QUICK, "sft", "--model", model.toString(), "--data", small.toString(),
                "--project", "Beta", "--output", own.resolve("beta-model").toString(), "--workspace",
                workspace.toString())), err.toString());

        assertEquals(0, run("runs", "list", "--workspace", workspace.toString()), err.toString());
        List<String> all = out.toString().lines().toList();
        assertEquals(3, all.size(), out.toString());
        assertTrue(all.get(0).matches("RUN +PROJECT +KIND +STATUS +ITERATIONS +CREATED +MESSAGE"), all.get(0));
        assertTrue(all.stream().anyMatch(line -> line.matches("1 +Alpha +spin +completed +1 +.*")), out.toString());
        assertTrue(all.stream().anyMatch(line -> line.matches("2 +Beta +sft +completed +1 +.*")), out.toString());

        assertEquals(0, run("runs", "list", "--project", "Beta", "--workspace", workspace.toString()), err.toString());
        List<String> beta = out.toString().lines().toList();
        assertEquals(2, beta.size(), out.toString());
        assertTrue(beta.get(1).matches("2 +Beta +sft +completed +1 +.*"), out.toString());

        assertEquals(1, run("runs", "list", "--project", "Gamma", "--workspace", workspace.toString()));
        assertEquals("error: No project named \"Gamma\" in " + workspace.toAbsolutePath().normalize() + ".",
                err.toString().strip());
    }

    @Test
    void anExportedIterationGeneratesAndAMissingOneIsAOneLineError() throws Exception {
        Path exported = own.resolve("exported");
        assertEquals(0, run("export", "--run", "1", "--iteration", "2", "--output", exported.toString(),
                "--workspace", sharedWorkspace.toString()), err.toString());
        assertEquals("Exported run 1 iteration 2 to " + exported + " (F32)", out.toString().strip(),
                "the base model's own weight type");
        assertGenerates(exported);

        assertEquals(1, run("export", "--run", "1", "--iteration", "3", "--output", own.resolve("none").toString(),
                "--workspace", sharedWorkspace.toString()));
        assertEquals("error: Run 1 has no model for iteration 3 (completed iterations: 2).", err.toString().strip());
        assertFalse(Files.exists(own.resolve("none")));
    }

    @Test
    void anExportIntoAFolderWithFilesNeedsForceAndThenReplacesItWhole() throws Exception {
        Path taken = own.resolve("taken");
        Files.createDirectories(taken);
        Files.writeString(taken.resolve("notes.txt"), "mine");

        assertEquals(1, run("export", "--run", "1", "--iteration", "1", "--output", taken.toString(),
                "--workspace", sharedWorkspace.toString()));
        assertTrue(err.toString().strip().startsWith("error: " + taken + " is not empty"), err.toString());
        assertEquals(List.of(taken.resolve("notes.txt")), listed(taken), "nothing written without --force");

        assertEquals(0, run("export", "--run", "1", "--iteration", "1", "--output", taken.toString(), "--force",
                "--workspace", sharedWorkspace.toString()), err.toString());
        assertFalse(Files.exists(taken.resolve("notes.txt")), "the old folder is replaced, not merged into");
        assertGenerates(taken);
        try (Stream<Path> siblings = Files.list(own)) {
            assertEquals(List.of(), siblings.filter(p -> p.getFileName().toString().startsWith(".taken")).toList(),
                    "no fresh or replaced folder is left beside it");
        }
    }

    private static List<Path> listed(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.toList();
        }
    }

    @Test
    void evalJsonPrintsTheHeldOutMetricsAndTheExampleCount() {
        assertEquals(0, run("eval", "--model", model.toString(), "--data", data.toString(), "--json",
                "--device", "cpu", "--threads", "1"), err.toString());
        JsonObject metrics = lastJson(out.toString());
        assertEquals(12, metrics.get("examples").getAsInt());
        double loss = metrics.get("eval_loss").getAsDouble();
        assertTrue(loss > 0, metrics.toString());
        assertTrue(metrics.get("eval_logps/real").getAsDouble() < 0, metrics.toString());
        assertEquals(Math.exp(loss), metrics.get("eval_perplexity").getAsDouble(), 1e-9 * Math.exp(loss));
        assertTrue(err.toString().contains("12 examples from sums.jsonl"), err.toString());
    }

    @Test
    void runsMetricsPrintsEachIterationsScoresOrEveryPointAsCsv() throws Exception {
        assertEquals(0, run("runs", "metrics", "1", "--workspace", sharedWorkspace.toString()), err.toString());
        List<String> table = out.toString().lines().toList();
        assertTrue(table.get(0).matches("ITERATION +loss +rewards/margins +rewards/accuracies +eval_loss"
                + " +eval_rewards/margins +eval_rewards/accuracies *"), table.get(0));
        double lastLoss;
        try (Workspace open = Workspace.open(sharedWorkspace)) {
            List<org.spinworkbench.store.MetricPoint> loss = open.metrics().series(1, "loss");
            lastLoss = loss.stream().filter(p -> p.iteration() == 2).reduce((a, b) -> b).orElseThrow().value();
        }
        assertTrue(table.get(2).startsWith("2 ") && table.get(2).contains(String.format(java.util.Locale.ROOT, "%.4f",
                lastLoss)), table.toString());

        out.getBuffer().setLength(0);
        assertEquals(0, run("runs", "metrics", "1", "--csv", "--workspace", sharedWorkspace.toString()), err.toString());
        List<String> csv = out.toString().lines().toList();
        assertEquals(org.spinworkbench.runs.MetricCsv.HEADER, csv.get(0));
        try (Workspace open = Workspace.open(sharedWorkspace)) {
            assertEquals(open.metrics().series(1, "loss").size(), csv.stream().filter(l -> l.startsWith("loss,")).count());
        }
        assertTrue(csv.stream().anyMatch(line -> line.startsWith("eval_loss,2,")), "each iteration's held-out loss");
    }

    @Test
    void runsLogPrintsTheRunsSavedLogToHowItEnded() {
        assertEquals(0, run("runs", "log", "1", "--workspace", sharedWorkspace.toString()), err.toString());
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.get(0).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  Run 1 \\(SPIN\\) of project Sums: .*"),
                lines.get(0));
        for (String expected : List.of("12 examples from sums.jsonl", "Device: CPU, 1 threads", "Iteration 1: generating",
                "Iteration 2 evaluated: eval_loss ", "Iteration 2 finished")) {
            assertTrue(lines.stream().anyMatch(line -> line.contains("  " + expected)), expected + "\n" + out);
        }
        assertTrue(lines.get(lines.size() - 1).endsWith("  Run 1 completed."), out.toString());

        assertEquals(1, run("runs", "log", "9", "--workspace", sharedWorkspace.toString()));
        assertEquals("error: No run 9 in " + sharedWorkspace.toAbsolutePath().normalize() + ".",
                lastLine(err.toString()));
    }

    @Test
    void theWizardsEquivalentCommandStartsARunWithExactlyItsSettings() throws Exception {
        TrainingConfig training = TrainingConfig.builder().optIterations(1).optEpochs(1).optBeta(0.3)
                .optLoss(org.spinworkbench.train.SpinLossKind.HINGE).optLearningRate(1e-3).optWeightDecay(0.01)
                .optWarmupRatio(0.1).optSchedule(TrainingConfig.Schedule.COSINE).optBatchSize(4)
                .optGradientAccumulation(2).optMaxGradNorm(0.5).optLengths(64, 32).optMaxNewTokens(4)
                .optTemperature(0.7).optTopP(0.9).optMixPrevious(true).optRaw(true)
                .optFormat(new org.spinworkbench.train.PromptFormat(org.spinworkbench.lm.hf.BosPolicy.TEMPLATE,
                        org.spinworkbench.data.PromptTurns.FIRST_TURN))
                .optNllAlpha(0.5).optKlAnchor(0.25).optOpponents(2).optSeed(9).optSaveSteps(0).build();
        RunSpec spec = RunSpec.builder()
                .setProject("Round trip 'quoted'")
                .setBaseModel(model.toAbsolutePath().normalize().toString())
                .setDataset(data.toAbsolutePath().normalize().toString())
                .setTraining(training)
                .optDatasetFormat("PROMPT_RESPONSE")
                .optEvalSize(3)
                .optSkipBadRows(true)
                .build();
        Path workspace = own.resolve("ws");
        List<String> words = new ArrayList<>(org.spinworkbench.runs.SpinCommandLine.arguments(spec));
        words.addAll(List.of("--workspace", workspace.toString(), "--device", "cpu", "--threads", "1"));

        assertEquals(0, run(words.toArray(String[]::new)), err.toString());
        try (Workspace open = Workspace.open(workspace)) {
            assertEquals(spec, RunSpec.fromJson(open.runs().listAll().get(0).run().configJson()));
        }
        assertTrue(org.spinworkbench.runs.SpinCommandLine.shell(spec).startsWith(
                "spin-workbench spin --project 'Round trip '\\''quoted'\\''' --model "), "quoted for a shell");
    }

    @Test
    void resumingACompletedRunIsAClearError() {
        assertEquals(1, run("spin", "--resume", "1", "--workspace", sharedWorkspace.toString(), "--device", "cpu"));
        assertEquals("error: Run 1 is already complete.", lastLine(err.toString()));
        assertFalse(err.toString().contains("\tat "), err.toString());

        assertEquals(1, run("spin", "--resume", "9", "--workspace", sharedWorkspace.toString(), "--device", "cpu"));
        assertEquals("error: No run 9 in " + sharedWorkspace.toAbsolutePath().normalize() + ".",
                lastLine(err.toString()));
    }

    private void assertGenerates(Path folder) {
        assertEquals(0, run("generate", "--model", folder.toString(), "--prompt", "1+4=", "--max-new-tokens", "4",
                "--json", "--device", "cpu", "--threads", "1"), err.toString());
        JsonObject generated = lastJson(out.toString());
        assertEquals("1+4=", generated.get("prompt").getAsString());
        int tokens = generated.getAsJsonArray("token_ids").size();
        assertTrue(tokens >= 1 && tokens <= 4, generated.toString());
    }

    private static Path sums(Path file, int rows) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            lines.add("{\"prompt\": \"" + i + "+" + (i + 3) + "=\", \"response\": \"" + (2 * i + 3) + "\"}");
        }
        return Files.write(file, lines);
    }

    private static String message(String role, String content) {
        return "{\"role\": \"" + role + "\", \"content\": \"" + content + "\"}";
    }

    private static JsonObject lastJson(String text) {
        return JsonParser.parseString(lastLine(text)).getAsJsonObject();
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
        assertFalse(lines.isEmpty(), "no output");
        return lines.get(lines.size() - 1);
    }

    private static String[] with(String[] options, String... command) {
        String[] all = Arrays.copyOf(command, command.length + options.length);
        System.arraycopy(options, 0, all, command.length, options.length);
        return all;
    }
}
