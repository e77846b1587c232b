package org.spinworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.data.DatasetFormat;
import org.spinworkbench.data.DatasetReader;
import org.spinworkbench.data.Example;
import org.spinworkbench.data.LoadedDataset;
import org.spinworkbench.data.ProblemPolicy;
import org.spinworkbench.lm.hf.SafetensorsCheckpoint;
import org.spinworkbench.runs.IterationDatasets;
import org.spinworkbench.runs.RunSpec;
import org.spinworkbench.runs.TinyRuns;
import org.spinworkbench.runs.job.ClusterJobs;
import org.spinworkbench.store.Checkpoint;
import org.spinworkbench.store.MetricPoint;
import org.spinworkbench.store.RunStatus;
import org.spinworkbench.store.Split;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.TrainingConfig;
import org.yaml.snakeyaml.Yaml;

/**
 * The hand-off on the real command line: {@code export --job} writes a job for a run's first
 * iteration, the cluster's output is written by hand as the Trainer writes it (no GPU here),
 * {@code import --job} brings it back, and the run then continues locally to its end.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ClusterJobCommandsTest {
    @TempDir
    Path dir;
    private final CliHarness cli = new CliHarness();

    @Test
    void aJobGoesOutComesBackAndTheRunContinuesHere() throws Exception {
        Path ws = dir.resolve("ws");
        long run;
        try (Workspace workspace = Workspace.open(ws)) {
            run = ClusterJobs.preparedRun(workspace, dir);
        }
        Path job = dir.resolve("job");

        assertEquals(0, cli.run("export", "--workspace", ws.toString(), "--run", String.valueOf(run), "--iteration",
                "1", "--job", job.toString(), "--gpus", "3"), cli.err.toString());
        assertTrue(cli.out.toString().contains("Wrote the job for iteration 1 of run " + run + " to " + job),
                cli.out.toString());

        TrainingConfig config;
        try (Workspace workspace = Workspace.open(ws)) {
            config = RunSpec.fromJson(workspace.runs().findById(run).orElseThrow().configJson()).training();
            IterationDatasets recorded = new IterationDatasets(workspace);
            assertSamePairs(recorded.pairs(run, 1, Split.TRAIN), job.resolve("data/train_prefs-00000-of-00001.parquet"));
            assertSamePairs(recorded.pairs(run, 1, Split.EVAL), job.resolve("data/test_prefs-00000-of-00001.parquet"));
        }
        Map<String, Object> recipe = new Yaml().load(Files.readString(job.resolve("recipe.yaml")));
        assertEquals("start-model", recipe.get("model_name_or_path"));
        assertEquals(Map.of("data", 1.0), recipe.get("dataset_mixer"));
        assertEquals(List.of("train", "test"), recipe.get("dataset_splits"));
        assertEquals(config.beta(), recipe.get("beta"));
        assertEquals(config.learningRate(), recipe.get("learning_rate"));
        assertEquals("linear", recipe.get("lr_scheduler_type"));
        assertEquals(config.warmupRatio(), recipe.get("warmup_ratio"));
        assertEquals(config.epochs(), recipe.get("num_train_epochs"));
        assertEquals(config.batchSize() / 3, recipe.get("per_device_train_batch_size"), "3 pairs on 3 GPUs");
        assertEquals(config.gradientAccumulation(), recipe.get("gradient_accumulation_steps"));
        assertEquals(config.maxLength(), recipe.get("max_length"));
        assertEquals(config.maxPromptLength(), recipe.get("max_prompt_length"));
        assertEquals(config.maxGradNorm(), recipe.get("max_grad_norm"));
        assertEquals(config.weightDecay(), recipe.get("weight_decay"));
        assertEquals((int) config.seed(), recipe.get("seed"));
        assertEquals(Boolean.TRUE, recipe.get("bf16"));
        assertEquals("output", recipe.get("output_dir"));
        assertEquals("adamw_torch", recipe.get("optim"));
        assertEquals("no", recipe.get("save_strategy"), "the run saves states only at iteration ends");
        assertTrue(recipe.containsKey("save_total_limit") && recipe.get("save_total_limit") == null);

        Map<String, Object> accelerate = new Yaml().load(Files.readString(job.resolve("accelerate/deepspeed_zero3.yaml")));
        assertEquals(3, accelerate.get("num_processes"));
        assertEquals("DEEPSPEED", accelerate.get("distributed_type"));
        assertEquals("bf16", accelerate.get("mixed_precision"));
        assertEquals(3, ((Map<?, ?>) accelerate.get("deepspeed_config")).get("zero_stage"));

        String launch = Files.readString(job.resolve("launch.sh"));
        assertTrue(launch.contains("--config_file accelerate/deepspeed_zero3.yaml"), launch);
        assertTrue(launch.contains("\"$SPIN_DIR/spin/run_spin.py\" recipe.yaml"), launch);
        assertTrue(Files.getPosixFilePermissions(job.resolve("launch.sh")).contains(PosixFilePermission.OWNER_EXECUTE));
        String sbatch = Files.readString(job.resolve("sbatch.sh"));
        assertTrue(sbatch.contains("#SBATCH --nodes=1") && sbatch.contains("#SBATCH --gpus-per-node=3"), sbatch);
        String readme = Files.readString(job.resolve("README.md"));
        assertTrue(readme.contains("a12ba808a51c23bb98c7cc892d261e9c2f71ff8e"), "names the reference version");
        assertTrue(readme.contains("Iterations (2 planned): the job trains iteration 1 only."), readme);
        assertTrue(readme.contains("Max new tokens (6)"), "the generation settings are listed, not dropped");
        String manifest = Files.readString(job.resolve("manifest.json"));
        for (String file : List.of("recipe.yaml", "launch.sh", "sbatch.sh", "README.md",
                "accelerate/deepspeed_zero3.yaml", "data/train_prefs-00000-of-00001.parquet",
                "start-model/model.safetensors", "start-model/tokenizer.json")) {
            assertTrue(manifest.contains("\"" + file + "\": \""), file + " in " + manifest);
        }

        // the cluster: six steps of training, saved as the Trainer saves
        ClusterJobs.writeTrainerOutput(job.resolve("output"), job.resolve("start-model"), 6, 0.01f);

        assertEquals(0, cli.run("import", "--workspace", ws.toString(), "--job", job.toString()), cli.err.toString());
        assertTrue(cli.out.toString().contains("Imported iteration 1 of run " + run), cli.out.toString());
        assertTrue(cli.out.toString().contains("spin --resume " + run + " trains iteration 2 here"), cli.out.toString());

        try (Workspace workspace = Workspace.open(ws)) {
            List<MetricPoint> margins = workspace.metrics().series(run, "rewards/margins");
            assertEquals(6, margins.size(), "one point per logged step");
            assertEquals(ClusterJobs.logged("rewards/margins", 6), margins.get(5).value(), 1e-12);
            assertTrue(workspace.metrics().series(run, "eval_rewards/margins").stream()
                    .anyMatch(p -> p.iteration() == 1 && p.step() == 6), "evaluated here at the trainer's last step");
            assertTrue(workspace.metrics().names(run).stream().noneMatch(n -> n.startsWith("train_")),
                    "the trainer's run summary is not a step");
            Checkpoint model = workspace.checkpoints().listByRun(run).get(0);
            assertEquals(1, model.iteration());
            assertEquals(6, model.step());
            for (Path weights : SafetensorsCheckpoint.weightFiles(job.resolve("output"))) {
                assertEquals(-1, Files.mismatch(weights, model.path().resolve(weights.getFileName())),
                        weights.getFileName() + " imported as written");
            }
            assertEquals(-1, Files.mismatch(job.resolve("start-model/tokenizer_config.json"),
                    model.path().resolve("tokenizer_config.json")), "the run keeps its own tokenizer and template");
            assertFalse(Files.exists(model.path().resolve("training_args.bin")), "pickles stay behind");
        }

        assertEquals(0, cli.run("runs", "list", "--workspace", ws.toString()), cli.err.toString());
        String listed = cli.out.toString();
        assertTrue(listed.lines().anyMatch(line -> line.matches(run + " +Tiny +spin +cancelled +1 .*")
                && line.endsWith("Iteration 1 imported from " + job + "; resume the run to continue.")), listed);

        assertEquals(0, cli.run("spin", "--workspace", ws.toString(), "--resume", String.valueOf(run)),
                cli.err.toString());
        try (Workspace workspace = Workspace.open(ws)) {
            assertEquals(RunStatus.COMPLETED, workspace.runs().findById(run).orElseThrow().status());
            assertEquals(List.of(1, 2), workspace.checkpoints().listByRun(run).stream()
                    .filter(c -> c.path().getFileName().toString().equals("model")).map(Checkpoint::iteration).toList());
        }
    }

    @Test
    void everyIterationCanBeTrainedOnTheClusterFromTheFirst() throws Exception {
        Path ws = dir.resolve("ws");
        Path model = TinyRuns.model(dir);
        Path data = TinyRuns.data(dir);
        Path first = dir.resolve("job-1");

        assertEquals(0, cli.run("spin", "--workspace", ws.toString(), "--model", model.toString(), "--data",
                data.toString(), "--iterations", "2", "--batch-size", "4", "--max-new-tokens", "6", "--max-length",
                "64", "--max-prompt-length", "32", "--job", first.toString(), "--gpus", "2"), cli.err.toString());
        assertTrue(cli.out.toString().startsWith("Run 1 recorded; iteration 1 written as a cluster job to " + first),
                cli.out.toString());
        ClusterJobs.writeTrainerOutput(first.resolve("output"), first.resolve("start-model"), 3, 0.01f);
        assertEquals(0, cli.run("import", "--workspace", ws.toString(), "--job", first.toString(), "--run", "1"),
                cli.err.toString());

        Path second = dir.resolve("job-2");
        assertEquals(0, cli.run("export", "--workspace", ws.toString(), "--run", "1", "--iteration", "2", "--job",
                second.toString(), "--gpus", "2"), cli.err.toString());
        for (Path weights : SafetensorsCheckpoint.weightFiles(first.resolve("output"))) {
            assertEquals(-1, Files.mismatch(weights, second.resolve("start-model").resolve(weights.getFileName())),
                    "the next job starts from the model the first one trained");
        }
        ClusterJobs.writeTrainerOutput(second.resolve("output"), second.resolve("start-model"), 3, -0.01f);
        assertEquals(0, cli.run("import", "--workspace", ws.toString(), "--job", second.toString()),
                cli.err.toString());
        assertTrue(cli.out.toString().contains("Run 1 is complete."), cli.out.toString());

        assertEquals(0, cli.run("runs", "metrics", "1", "--workspace", ws.toString(), "--csv"), cli.err.toString());
        List<String> csv = cli.out.toString().lines().filter(line -> line.contains("rewards/margins")).toList();
        assertEquals(6, csv.stream().filter(line -> !line.contains("eval_")).count(), csv.toString());
        try (Workspace workspace = Workspace.open(ws)) {
            assertEquals(RunStatus.COMPLETED, workspace.runs().findById(1).orElseThrow().status());
        }
    }

    private static void assertSamePairs(List<Example> recorded, Path parquet) {
        LoadedDataset read = DatasetReader.read(parquet, null, ProblemPolicy.STOP);
        assertEquals(DatasetFormat.SPIN, read.format());
        assertEquals(recorded.size(), read.examples().size());
        for (int i = 0; i < recorded.size(); i++) {
            assertEquals(recorded.get(i).prompt(), read.examples().get(i).prompt());
            assertEquals(recorded.get(i).realResponse(), read.examples().get(i).realResponse());
            assertEquals(recorded.get(i).generatedResponse(), read.examples().get(i).generatedResponse());
        }
    }
}
