package org.spinworkbench.runs.job;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spinworkbench.lm.hf.DType;
import org.spinworkbench.lm.hf.NamedTensor;
import org.spinworkbench.lm.hf.PretrainedModel;
import org.spinworkbench.lm.hf.SafetensorsWriter;
import org.spinworkbench.runs.RunService;
import org.spinworkbench.runs.TinyRuns;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.TrainingListener;

/**
 * Cluster jobs on tiny runs, with the cluster played by hand: what a Hugging Face Trainer run
 * of the reference ({@code run_spin.py}: {@code save_model}, then {@code save_state}) leaves in
 * a job's {@code output/}, written from the documented formats: the model as BF16 safetensors
 * in two shards with their index, {@code config.json} as {@code save_pretrained} writes it,
 * the tokenizer files, a pickled {@code training_args.bin} (never to be read) and
 * {@code trainer_state.json} with a {@code log_history} entry per logging step and the run
 * summary last. No GPU or Python is involved: this is the test double for the cluster.
 */
public final class ClusterJobs {
    private static final Gson JSON = new GsonBuilder().setPrettyPrinting().serializeNulls().create();
    /** The reference's SPIN metrics and the Trainer's own, as {@code log_history} names them. */
    public static final List<String> LOGGED = List.of("loss", "learning_rate", "epoch", "rewards/real", "rewards/generated",
            "rewards/accuracies", "rewards/margins", "logps/generated", "logps/real", "logits/generated",
            "logits/real");

    private ClusterJobs() {
    }

    /** A recorded SPIN run of two planned iterations, on a tiny model and 12 sums, not yet trained. */
    public static long preparedRun(Workspace workspace, Path dir) throws IOException {
        return new RunService(workspace, Device.cpu()).prepare(TinyRuns.spec(TinyRuns.model(dir), TinyRuns.data(dir),
                TinyRuns.config(2, 0)), TrainingListener.NONE).run().id();
    }

    /** A prepared run whose iteration 1 went out as a job, was trained "there" for 6 steps, and came back. */
    public static long importedRun(Workspace workspace, Path dir) throws IOException {
        long run = preparedRun(workspace, dir);
        Path job = dir.resolve("job");
        new ClusterJobExport(workspace, Device.cpu()).write(run, 1, job, 3, TrainingListener.NONE);
        writeTrainerOutput(job.resolve("output"), job.resolve("start-model"), 6, 0.01f);
        new ClusterJobImport(workspace, Device.cpu()).importJob(job, run, TrainingListener.NONE);
        return run;
    }

    /** The value the fake trainer logs for {@code metric} at {@code step}: distinct for every pair. */
    public static double logged(String metric, long step) {
        return LOGGED.indexOf(metric) + step / 100.0;
    }

    /**
     * Writes a trained model (the start model's weights shifted by {@code shift}) and its
     * Trainer state into {@code folder}, as {@code save_model} and {@code save_state} do.
     */
    public static void writeTrainerOutput(Path folder, Path startModel, long steps, float shift) throws IOException {
        Files.createDirectories(folder);
        List<NamedTensor> tensors = new ArrayList<>();
        long values = 0;
        try (PretrainedModel start = PretrainedModel.load(startModel, Device.cpu())) {
            for (Map.Entry<String, NDArray> weight : start.network().weights().entrySet()) {
                if (!start.config().expectedShapes().containsKey(weight.getKey())) {
                    continue;
                }
                float[] shifted = weight.getValue().toFloatArray();
                for (int i = 0; i < shifted.length; i++) {
                    shifted[i] += shift;
                }
                tensors.add(new NamedTensor(weight.getKey(), weight.getValue().getShape().getShape(), shifted));
                values += shifted.length;
            }
        }
        new SafetensorsWriter().writeSharded(folder, tensors, DType.BF16, values); // half the bytes: two shards or more

        JsonObject config = JsonParser.parseString(Files.readString(startModel.resolve("config.json")))
                .getAsJsonObject();
        config.addProperty("_name_or_path", "start-model");
        config.addProperty("torch_dtype", "bfloat16");
        config.addProperty("transformers_version", "4.37.0");
        config.addProperty("use_cache", true);
        Files.writeString(folder.resolve("config.json"), JSON.toJson(config) + "\n");
        Files.writeString(folder.resolve("generation_config.json"), """
                {
                  "_from_model_config": true,
                  "bos_token_id": 256,
                  "eos_token_id": 258,
                  "transformers_version": "4.37.0"
                }
                """);
        // the trainer saves the tokenizer it was given, with the chat template the reference set on it
        Files.copy(startModel.resolve("tokenizer.json"), folder.resolve("tokenizer.json"));
        Files.writeString(folder.resolve("tokenizer_config.json"), """
                {"chat_template": "{% for message in messages %}<|{{ message['role'] }}|>\\n{{ message['content'] }}\
                {% endfor %}", "model_max_length": 1000000000000000019884624838656, "tokenizer_class": \
                "PreTrainedTokenizerFast"}
                """);
        Files.write(folder.resolve("training_args.bin"), new byte[] {(byte) 0x80, 0x04, (byte) 0x95, 0, 0, 0, '.'});
        Files.writeString(folder.resolve("trainer_state.json"), JSON.toJson(trainerState(steps)) + "\n",
                StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("train_results.json"), "{\"epoch\": 2.0, \"train_loss\": 0.5}\n");
        Files.writeString(folder.resolve("all_results.json"), "{\"epoch\": 2.0, \"train_loss\": 0.5}\n");
    }

    /** {@code trainer_state.json} as transformers 4.37's {@code TrainerState.save_to_json} writes it. */
    static JsonObject trainerState(long steps) {
        JsonObject state = new JsonObject();
        state.add("best_metric", null);
        state.add("best_model_checkpoint", null);
        state.addProperty("epoch", 2.0);
        state.addProperty("eval_steps", 500);
        state.addProperty("global_step", steps);
        state.addProperty("is_hyper_param_search", false);
        state.addProperty("is_local_process_zero", true);
        state.addProperty("is_world_process_zero", true);
        JsonArray history = new JsonArray();
        for (long step = 1; step <= steps; step++) {
            JsonObject entry = new JsonObject();
            Map<String, Double> values = new LinkedHashMap<>();
            for (String metric : LOGGED) {
                values.put(metric, logged(metric, step));
            }
            values.forEach(entry::addProperty);
            entry.addProperty("step", step);
            history.add(entry);
        }
        JsonObject summary = new JsonObject();
        summary.addProperty("epoch", 2.0);
        summary.addProperty("step", steps);
        summary.addProperty("total_flos", 0.0);
        summary.addProperty("train_loss", 0.5123);
        summary.addProperty("train_runtime", 12.34);
        summary.addProperty("train_samples_per_second", 1.62);
        summary.addProperty("train_steps_per_second", 0.49);
        history.add(summary);
        state.add("log_history", history);
        state.addProperty("logging_steps", 1);
        state.addProperty("max_steps", steps);
        state.addProperty("num_input_tokens_seen", 0);
        state.addProperty("num_train_epochs", 2);
        state.addProperty("save_steps", 500);
        state.addProperty("total_flos", 0.0);
        state.addProperty("train_batch_size", 1);
        state.add("trial_name", null);
        state.add("trial_params", null);
        return state;
    }
}
