package org.spinworkbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.spinworkbench.io.FileTrees;
import org.spinworkbench.lm.hf.DType;
import org.spinworkbench.lm.hf.NamedTensor;
import org.spinworkbench.lm.hf.SafetensorsCheckpoint;
import org.spinworkbench.lm.hf.SafetensorsWriter;

/**
 * A resumable checkpoint inside an iteration: the weights as trained so far (fp32, exact),
 * the optimiser's moments, and how many optimiser steps are done. Restoring it and training
 * on gives the same steps as never having stopped.
 */
final class TrainingState {
    static final String WEIGHTS = "weights.safetensors";
    static final String OPTIMIZER = "optimizer.safetensors";
    static final String POSITION = "trainer.json";
    private static final NDIndex WHOLE = new NDIndex("...");

    private TrainingState() {
    }

    static void save(Path target, Map<String, NDArray> weights, AdamW optimizer, long step) throws IOException {
        Path partial = RunFolder.partialFolder(target);
        try {
            List<NamedTensor> tensors = new ArrayList<>();
            weights.forEach((name, weight) -> tensors.add(NamedTensor.of(name, weight)));
            SafetensorsWriter writer = new SafetensorsWriter();
            writer.write(partial.resolve(WEIGHTS), tensors, DType.F32, Map.of());
            writer.write(partial.resolve(OPTIMIZER), optimizer.state(), DType.F32, Map.of());
            JsonObject position = new JsonObject();
            position.addProperty("step", step);
            Files.writeString(partial.resolve(POSITION), new Gson().toJson(position), StandardCharsets.UTF_8);
            RunFolder.publish(partial, target);
        } catch (IOException | RuntimeException e) {
            FileTrees.delete(partial);
            throw e;
        }
    }

    /** Copies the saved weights into the model's and the moments into the optimiser; returns the step. */
    static long restore(Path state, Map<String, NDArray> weights, AdamW optimizer) throws IOException {
        // copied in place with recording off: NDArray.set(Buffer) goes through a deprecated
        // PyTorch guard that prints a warning on every resume
        try (SafetensorsCheckpoint saved = SafetensorsCheckpoint.openFile(state.resolve(WEIGHTS));
             NoGradient off = new NoGradient()) {
            for (Map.Entry<String, NDArray> entry : weights.entrySet()) {
                try (NDArray value = saved.load(entry.getKey(), entry.getValue().getShape().getShape(),
                        entry.getValue().getManager())) {
                    entry.getValue().set(WHOLE, value);
                }
            }
        }
        try (SafetensorsCheckpoint saved = SafetensorsCheckpoint.openFile(state.resolve(OPTIMIZER))) {
            optimizer.loadState(saved);
        }
        String position = Files.readString(state.resolve(POSITION), StandardCharsets.UTF_8);
        return new Gson().fromJson(position, JsonObject.class).get("step").getAsLong();
    }
}
