package org.spinworkbench.ui.demo;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spinworkbench.lm.hf.DType;
import org.spinworkbench.lm.hf.RandomModels;
import org.spinworkbench.runs.DemoRecipe;
import org.spinworkbench.runs.RunService;
import org.spinworkbench.runs.RunSpec;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.TrainingConfig;

/**
 * The demo in miniature: a random 2-layer model, a dozen additions to learn, a few checkable
 * questions for accuracy, two SPIN iterations. A real run through {@link RunService} that
 * takes seconds on a CPU (after the model tests' TinyRuns).
 */
final class TinyDemoRun {
    static final String PROJECT = "Workshop demo";
    static final int ITERATIONS = 2;

    private TinyDemoRun() {
    }

    /**
     * A launcher running the tiny demo's arms into {@code workspace}, SPIN and the continued-SFT
     * control as {@code DemoRecipe.Arm} makes them; its files are written under {@code dir}.
     */
    static DemoLauncher launcher(Workspace workspace, Path dir) throws IOException {
        RunSpec spin = RunSpec.builder().setProject(PROJECT).setBaseModel(model(dir).toString())
                .setDataset(data(dir).toString()).setTraining(config()).optEvalFraction(0.25)
                .optAccuracyData(questions(dir).toString()).build();
        TrainingConfig sft = config().toBuilder()
                .setKind(TrainingConfig.Kind.SFT)
                .optIterations(1)
                .optEpochs(ITERATIONS * config().epochs())
                .build();
        RunSpec control = spin.toBuilder().setTraining(sft).build();
        return (arm, listener, recorded, cancellation) -> {
            RunService.PreparedRun prepared = new RunService(workspace, Device.cpu())
                    .prepare(arm == DemoRecipe.Arm.SPIN ? spin : control, listener);
            recorded.accept(prepared.run().id());
            return prepared.run(listener, cancellation);
        };
    }

    private static Path model(Path dir) throws IOException {
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

    /** 12 prompt/response rows: "i+(i+3)=" answered "2i+3". */
    private static Path data(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            lines.add("{\"prompt\": \"" + i + "+" + (i + 3) + "=\", \"response\": \"" + (2 * i + 3) + "\"}");
        }
        return Files.write(dir.resolve("sums.jsonl"), lines);
    }

    /** Checkable questions in the demo's format, two tasks so the table has per-task columns to fill. */
    private static Path questions(Path dir) throws IOException {
        return Files.write(dir.resolve("questions.jsonl"), List.of(
                "{\"prompt\": \"What is 2+3?\", \"response\": \"5\", \"task\": \"add\", \"answer\": \"5\"}",
                "{\"prompt\": \"What is 4+4?\", \"response\": \"8\", \"task\": \"add\", \"answer\": \"8\"}",
                "{\"prompt\": \"Reverse: cat sun map\", \"response\": \"map sun cat\", \"task\": \"reverse\","
                        + " \"answer\": \"map sun cat\"}"));
    }

    /** 2 iterations of 1 epoch, batches of 3, at most 4 new tokens per response. */
    private static TrainingConfig config() {
        return TrainingConfig.builder()
                .optIterations(ITERATIONS)
                .optEpochs(1)
                .optLearningRate(1e-3)
                .optBatchSize(3)
                .optLengths(64, 32)
                .optMaxNewTokens(4)
                .optSeed(11)
                .optSaveSteps(0)
                .build();
    }
}
