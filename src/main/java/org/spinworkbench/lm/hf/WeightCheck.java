package org.spinworkbench.lm.hf;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeSet;
import org.spinworkbench.lm.ModelConfig;

/**
 * Checks from the safetensors headers alone, without reading a weight, that a model folder
 * holds every tensor its config needs with the shape it needs: what loading would find, in a
 * second, for folders of any size.
 */
public final class WeightCheck {
    private WeightCheck() {
    }

    /**
     * Every weight {@code config} needs is in {@code folder} with its shape; returns the dtypes
     * they are stored in ({@code "BF16"}, {@code "F16, F32"}).
     *
     * @throws CheckpointException naming the file and tensor that is missing or misshapen
     */
    public static String storedTypes(Path folder, ModelConfig config) {
        TreeSet<String> dtypes = new TreeSet<>();
        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(folder)) {
            for (Map.Entry<String, long[]> expected : config.expectedShapes().entrySet()) {
                TensorInfo info = checkpoint.info(expected.getKey());
                if (!Arrays.equals(info.shape(), expected.getValue())) {
                    throw new CheckpointException(info.file() + ": tensor '" + expected.getKey() + "' has shape "
                            + Arrays.toString(info.shape()) + " but the model expects "
                            + Arrays.toString(expected.getValue()));
                }
                dtypes.add(info.dtype().name());
            }
        }
        return String.join(", ", dtypes);
    }
}
