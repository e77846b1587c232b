package org.spinworkbench.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ai.djl.Device;
import org.spinworkbench.lm.hf.DType;
import org.spinworkbench.lm.hf.RandomModels;
import org.spinworkbench.store.RunStatus;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.Cancellation;
import org.spinworkbench.train.SpinLossKind;
import org.spinworkbench.train.TrainingConfig;
import org.spinworkbench.train.TrainingListener;

/** A tiny real model and dataset, small enough that a whole SPIN run takes seconds on a CPU; shared by the window tests. */
public final class TinyRuns {
    private TinyRuns() {
    }

    public static Path model(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path config = dir.resolve("tiny-config.json");
        Files.writeString(config, """
                {"architectures": ["LlamaForCausalLM"], "vocab_size": 259, "hidden_size": 32,
                 "intermediate_size": 64, "num_hidden_layers": 2, "num_attention_heads": 4,
                 "num_key_value_heads": 2, "max_position_embeddings": 256, "bos_token_id": 256,
                 "eos_token_id": 258}
                """);
        Path model = dir.resolve("base-model");
        RandomModels.create(config, RandomModels.BYTE_LEVEL, 7, model, DType.F32);
        return model;
    }

    /** Additions as prompt/response JSONL: 12 rows. */
    public static Path data(Path dir) throws IOException {
        return data(dir, 12);
    }

    /** Additions as prompt/response JSONL: {@code rows} rows, "i+(i+3)=" answered "2i+3". */
    public static Path data(Path dir, int rows) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            lines.add("{\"prompt\": \"" + i + "+" + (i + 3) + "=\", \"response\": \"" + (2 * i + 3) + "\"}");
        }
        Files.createDirectories(dir);
        Path data = dir.resolve("sums.jsonl");
        Files.write(data, lines);
        return data;
    }

    public static TrainingConfig config(int iterations, int saveSteps) {
        return TrainingConfig.builder()
                .optIterations(iterations)
                .optEpochs(2)
                .optLearningRate(1e-3)
                .optBatchSize(3)
                .optLengths(64, 32)
                .optMaxNewTokens(6)
                .optSeed(11)
                .optSaveSteps(saveSteps)
                .build();
    }

    /**
     * A completed SPIN run of {@code iterations} iterations in project "Tiny" of {@code workspace},
     * with its samples, metrics, evaluations and checkpoints recorded; its files go under {@code dir}.
     * A workspace with no project yet gets a copy of the run trained once per JVM
     * ({@link RecordedRuns}); one that has projects trains its own.
     */
    public static RunOutcome completedRun(Workspace workspace, Path dir, int iterations) throws IOException {
        if (workspace.projects().list().isEmpty()) {
            return RecordedRuns.copyInto(workspace, dir, iterations);
        }
        return trainedRun(workspace, dir, iterations);
    }

    /** As {@link #completedRun}, always trained here. */
    static RunOutcome trainedRun(Workspace workspace, Path dir, int iterations) throws IOException {
        RunOutcome outcome = new RunService(workspace, Device.cpu()).start(spec(model(dir), data(dir),
                config(iterations, 2)), TrainingListener.NONE, new Cancellation());
        if (outcome.status() != RunStatus.COMPLETED) {
            throw new IllegalStateException("The tiny run did not complete: " + outcome.message());
        }
        return outcome;
    }

    public static RunSpec spec(Path model, Path data, TrainingConfig config) {
        return RunSpec.builder().setProject("Tiny").setBaseModel(model.toString()).setDataset(data.toString())
                .setTraining(config).optEvalFraction(0.25).build();
    }
}
