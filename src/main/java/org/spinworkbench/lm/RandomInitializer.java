package org.spinworkbench.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

/**
 * Fresh weights as Hugging Face initialises a Llama: normal(0, 0.02) for projections and
 * embeddings, ones for norms, zeros for biases. Each tensor draws from its own generator
 * seeded by the seed and its name, so the result does not depend on loading order.
 */
public final class RandomInitializer {
    public static final double INITIALIZER_RANGE = 0.02;

    private RandomInitializer() {
    }

    public static Map<String, NDArray> weights(ModelConfig config, long seed, NDManager manager) {
        Map<String, NDArray> weights = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> entry : config.expectedShapes().entrySet()) {
            String name = entry.getKey();
            Shape shape = new Shape(entry.getValue());
            NDArray weight;
            if (name.endsWith("norm.weight")) {
                weight = manager.ones(shape);
            } else if (name.endsWith(".bias")) {
                weight = manager.zeros(shape);
            } else {
                weight = manager.create(normal(shape.size(), seed, name), shape);
            }
            weight.setName(name);
            weights.put(name, weight);
        }
        return weights;
    }

    private static float[] normal(long count, long seed, String name) {
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " is too large to initialise in one piece");
        }
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        SplittableRandom random = new SplittableRandom(seed ^ (crc.getValue() * 0x9E3779B97F4A7C15L));
        float[] values = new float[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (gaussian(random) * INITIALIZER_RANGE);
        }
        return values;
    }

    /** Box–Muller: SplittableRandom has no nextGaussian on Java 17. */
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble(); // (0, 1]
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
