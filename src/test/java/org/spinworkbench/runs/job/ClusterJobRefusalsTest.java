package org.spinworkbench.runs.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.runs.RunFolders;
import org.spinworkbench.runs.RunOutcome;
import org.spinworkbench.runs.RunService;
import org.spinworkbench.runs.TinyRuns;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.RunFolder;
import org.spinworkbench.train.TrainingConfig;
import org.spinworkbench.train.TrainingListener;

/** Jobs that must not go out or come back, each refused in a sentence with nothing written or imported. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ClusterJobRefusalsTest {
    @TempDir
    Path dir;
    private Workspace workspace;
    private long run;
    private Path job;

    @BeforeEach
    void exportAJob() throws IOException {
        workspace = Workspace.open(dir.resolve("ws"));
        run = ClusterJobs.preparedRun(workspace, dir);
        job = dir.resolve("job");
        new ClusterJobExport(workspace, Device.cpu()).write(run, 1, job, 2, TrainingListener.NONE);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private String refusedImport(Long runId) {
        return assertThrows(IllegalArgumentException.class, () ->
                new ClusterJobImport(workspace, Device.cpu()).importJob(job, runId, TrainingListener.NONE)).getMessage();
    }

    /** The workspace and run folder hold nothing of iteration 1 beyond its pairs. */
    private void assertNothingImported() throws IOException {
        assertTrue(workspace.checkpoints().listByRun(run).isEmpty());
        assertTrue(workspace.metrics().names(run).isEmpty(), workspace.metrics().names(run).toString());
        RunFolder folder = RunFolders.of(workspace, workspace.runs().findById(run).orElseThrow());
        assertEquals(0, folder.lastCompletedIteration());
        try (Stream<Path> entries = Files.list(folder.iteration(1))) {
            assertEquals(List.of("pairs.jsonl"), entries.map(p -> p.getFileName().toString()).toList(),
                    "no staged model is left behind");
        }
    }

    @Test
    void aJobWhoseDataChangedIsRefused() throws IOException {
        ClusterJobs.writeTrainerOutput(job.resolve("output"), job.resolve("start-model"), 4, 0.01f);
        Files.write(job.resolve("data/train_prefs-00000-of-00001.parquet"), new byte[] {1, 2, 3},
                java.nio.file.StandardOpenOption.APPEND);
        Files.delete(job.resolve("sbatch.sh"));

        assertEquals(job + " does not match its manifest.json (data/train_prefs-00000-of-00001.parquet changed;"
                + " sbatch.sh is missing); nothing was imported.", refusedImport(null));
        assertNothingImported();
    }

    @Test
    void aModelOfAnotherArchitectureIsRefused() throws IOException {
        Path output = job.resolve("output");
        ClusterJobs.writeTrainerOutput(output, job.resolve("start-model"), 4, 0.01f);
        Files.writeString(output.resolve("config.json"), Files.readString(output.resolve("config.json"))
                .replace("\"num_hidden_layers\": 2", "\"num_hidden_layers\": 1"));

        assertEquals(output.resolve("config.json") + " describes another architecture"
                + " (model.layers.1.input_layernorm.weight is absent where the run's model has [32]);"
                + " nothing was imported.", refusedImport(null));
        assertNothingImported();
    }

    @Test
    void anotherRunAMissingOutputAndAMissingStateAreRefused() throws IOException {
        assertEquals(job + " trains iteration 1 of run " + run + ", not of run " + (run + 7)
                + "; nothing was imported.", refusedImport(run + 7));
        assertEquals(job.resolve("output") + " does not exist: the job has not run yet, or its output/ was not"
                + " copied back.", refusedImport(null));
        ClusterJobs.writeTrainerOutput(job.resolve("output"), job.resolve("start-model"), 4, 0.01f);
        Files.delete(job.resolve("output/trainer_state.json"));
        assertEquals(job.resolve("output") + " has no trainer_state.json: the training curve cannot be imported"
                + " without it.", refusedImport(null));
        assertNothingImported();
    }

    @Test
    void theLatestCheckpointIsImportedWhenTheTrainerDidNotSaveAtTheEnd() throws IOException {
        ClusterJobs.writeTrainerOutput(job.resolve("output/checkpoint-2"), job.resolve("start-model"), 2, 0.5f);
        ClusterJobs.writeTrainerOutput(job.resolve("output/checkpoint-4"), job.resolve("start-model"), 4, 0.01f);

        RunOutcome outcome = new ClusterJobImport(workspace, Device.cpu()).importJob(job, null, TrainingListener.NONE);

        assertEquals(1, outcome.iterations().size());
        assertEquals(4, workspace.checkpoints().listByRun(run).get(0).step());
        assertEquals(4, workspace.metrics().series(run, "loss").size());
        Path imported = outcome.iterations().get(0).checkpoint();
        assertEquals(-1, Files.mismatch(job.resolve("output/checkpoint-4/model.safetensors.index.json"),
                imported.resolve("model.safetensors.index.json")));
        IllegalArgumentException again = assertThrows(IllegalArgumentException.class, () ->
                new ClusterJobImport(workspace, Device.cpu()).importJob(job, null, TrainingListener.NONE));
        assertEquals("Run " + run + " has 1 of 2 iterations complete; the iteration to hand off is 2, not 1.",
                again.getMessage());
    }

    @Test
    void jobsTheReferenceCannotTrainAsTheRunWouldAreNotWritten() throws IOException {
        ClusterJobExport export = new ClusterJobExport(workspace, Device.cpu());
        IllegalArgumentException taken = assertThrows(IllegalArgumentException.class, () ->
                export.write(run, 1, job, 2, TrainingListener.NONE));
        assertEquals(job + " is not empty; name a new or empty folder for the job.", taken.getMessage());
        IllegalArgumentException notNext = assertThrows(IllegalArgumentException.class, () ->
                export.write(run, 2, dir.resolve("job2"), 2, TrainingListener.NONE));
        assertEquals("Run " + run + " has 0 of 2 iterations complete; the iteration to hand off is 1, not 2.",
                notNext.getMessage());

        Path chat = dir.resolve("chat.jsonl");
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            rows.add("{\"messages\": [{\"role\": \"system\", \"content\": \"Add.\"}, {\"role\": \"user\", \"content\": \""
                    + i + "+1=\"}, {\"role\": \"assistant\", \"content\": \"" + (i + 1) + "\"}]}");
        }
        Files.write(chat, rows);
        long chatRun = new RunService(workspace, Device.cpu()).prepare(TinyRuns.spec(dir.resolve("base-model"), chat,
                TinyRuns.config(1, 0)), TrainingListener.NONE).run().id();
        IllegalArgumentException system = assertThrows(IllegalArgumentException.class, () ->
                export.write(chatRun, 1, dir.resolve("job3"), 2, TrainingListener.NONE));
        assertTrue(system.getMessage().matches("Row \\d+'s prompt has 2 messages \\(system, user\\); the SPIN reference"
                + " reads a single user message as the prompt, so this run cannot be trained there as it is trained"
                + " here\\."), system.getMessage());
        assertFalse(Files.exists(dir.resolve("job3")));

        long sftRun = new RunService(workspace, Device.cpu()).prepare(TinyRuns.spec(dir.resolve("base-model"),
                dir.resolve("sums.jsonl"), TinyRuns.config(1, 0).toBuilder().setKind(TrainingConfig.Kind.SFT).build()),
                TrainingListener.NONE).run().id();
        IllegalArgumentException sft = assertThrows(IllegalArgumentException.class, () ->
                export.write(sftRun, 1, dir.resolve("job4"), 2, TrainingListener.NONE));
        assertEquals("Run " + sftRun + " is continued SFT; only a self-play iteration can be handed to the SPIN"
                + " reference.", sft.getMessage());
        try (Stream<Path> left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().contains(".partial")), "nothing half-written");
        }
    }
}
