package org.spinworkbench.runs.job;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.spinworkbench.lm.hf.SafetensorsCheckpoint;
import org.spinworkbench.store.MetricPoint;

/**
 * What a Hugging Face Trainer left in a job's {@code output/}: the model saved at the end
 * ({@code save_model}), else the latest {@code checkpoint-K/}, and {@code trainer_state.json},
 * whose {@code log_history} is the training curve under the reference's metric names
 * ({@code loss}, {@code rewards/margins}, {@code learning_rate}, ...), one entry per logging
 * step. Nothing else there is read (optimizer states and {@code training_args.bin} are
 * pickles and are never opened).
 */
record TrainerOutput(Path model, long globalStep, List<LoggedStep> logHistory) {
    static final String STATE_FILE = "trainer_state.json";
    /** Keys of the run summary the Trainer logs last: totals, not a step's values. */
    private static final Set<String> SUMMARY = Set.of("train_runtime", "train_samples_per_second",
            "train_steps_per_second", "total_flos", "train_loss");

    /** One {@code log_history} entry: its step and numeric values. */
    record LoggedStep(long step, Map<String, Double> values) {
    }

    /** Finds the trained model and its state under {@code output}; a sentence says what is missing. */
    static TrainerOutput of(Path output) throws IOException {
        if (!Files.isDirectory(output)) {
            throw new IllegalArgumentException(output + " does not exist: the job has not run yet, or its output/"
                    + " was not copied back.");
        }
        Optional<Path> latest = latestCheckpoint(output);
        Path model = hasModel(output) ? output : latest.filter(TrainerOutput::hasModel).orElseThrow(() ->
                new IllegalArgumentException(output + " holds no saved model: neither config.json with safetensors"
                        + " weights nor a checkpoint-*/ folder with them."));
        Path state = Files.isRegularFile(model.resolve(STATE_FILE)) ? model.resolve(STATE_FILE)
                : latest.map(c -> c.resolve(STATE_FILE)).filter(Files::isRegularFile).orElseThrow(() ->
                        new IllegalArgumentException(model + " has no " + STATE_FILE + ": the training curve cannot be"
                                + " imported without it."));
        return read(model, state);
    }

    private static TrainerOutput read(Path model, Path state) throws IOException {
        try {
            JsonObject json = JsonParser.parseString(Files.readString(state, StandardCharsets.UTF_8)).getAsJsonObject();
            long globalStep = json.get("global_step").getAsLong();
            List<LoggedStep> history = new ArrayList<>();
            for (JsonElement element : json.getAsJsonArray("log_history")) {
                JsonObject entry = element.getAsJsonObject();
                if (!entry.has("step") || SUMMARY.stream().anyMatch(entry::has)) {
                    continue;
                }
                Map<String, Double> values = new LinkedHashMap<>();
                entry.entrySet().forEach(e -> {
                    if (!e.getKey().equals("step") && e.getValue().isJsonPrimitive()
                            && e.getValue().getAsJsonPrimitive().isNumber()) {
                        values.put(e.getKey(), e.getValue().getAsDouble());
                    }
                });
                history.add(new LoggedStep(entry.get("step").getAsLong(), values));
            }
            if (globalStep < 1) {
                throw new IllegalArgumentException(state + " says the trainer took no step (global_step "
                        + globalStep + ").");
            }
            return new TrainerOutput(model, globalStep, history);
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException
                 | NumberFormatException e) {
            throw new IllegalArgumentException(state + " is not a Trainer state: it needs global_step and a"
                    + " log_history list of entries with a step.");
        }
    }

    /** The curve as the iteration's metric points, at the trainer's steps. */
    List<MetricPoint> curve(int iteration) {
        List<MetricPoint> points = new ArrayList<>();
        for (LoggedStep step : logHistory) {
            step.values().forEach((name, value) -> points.add(new MetricPoint(iteration, step.step(), name, value)));
        }
        return points;
    }

    private static boolean hasModel(Path folder) {
        return Files.isRegularFile(folder.resolve("config.json"))
                && (Files.isRegularFile(folder.resolve(SafetensorsCheckpoint.SINGLE_FILE))
                || Files.isRegularFile(folder.resolve(SafetensorsCheckpoint.INDEX_FILE)));
    }

    /** The {@code checkpoint-K} folder with the highest K. */
    private static Optional<Path> latestCheckpoint(Path output) throws IOException {
        try (Stream<Path> entries = Files.list(output)) {
            return entries.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().matches("checkpoint-\\d{1,18}"))
                    .max(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring(11))));
        }
    }
}
