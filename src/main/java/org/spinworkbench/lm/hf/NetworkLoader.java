package org.spinworkbench.lm.hf;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.spinworkbench.lm.LlamaModel;
import org.spinworkbench.lm.ModelConfig;

/** Builds the network of a Hugging Face model folder from its safetensors weights. */
public final class NetworkLoader {
    private NetworkLoader() {
    }

    /**
     * Loads every weight the config calls for, by name, checking each shape, onto the device.
     * Extra tensors in the checkpoint (rotary caches of older exports) are ignored.
     */
    public static LlamaModel load(Path folder, ModelConfig config, Device device) {
        NDManager manager = NDManager.newBaseManager(device);
        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(folder)) {
            Map<String, NDArray> weights = new LinkedHashMap<>();
            for (Map.Entry<String, long[]> expected : config.expectedShapes().entrySet()) {
                NDArray weight = checkpoint.load(expected.getKey(), expected.getValue(), manager);
                weight.setName(expected.getKey());
                weights.put(expected.getKey(), weight);
            }
            return new LlamaModel(config, manager, weights);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }
}
