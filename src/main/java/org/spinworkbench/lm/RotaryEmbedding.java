package org.spinworkbench.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Rotary position embedding in the Hugging Face "rotate half" layout: the first and second
 * halves of each head's dimensions form the rotated pairs (not interleaved pairs).
 *
 * <p>{@code inv_freq[i] = 1 / theta^(2i / hD)} for i in [0, hD/2); the angle of position p is
 * {@code p * inv_freq}, repeated for both halves.
 */
final class RotaryEmbedding {
    private final float[] inverseFrequencies; // (hD/2)

    RotaryEmbedding(int headDim, double theta) {
        this(headDim, theta, RopeScaling.NONE);
    }

    /** With the frequencies stretched as {@code rope_scaling} says (see {@link RopeScaling}). */
    RotaryEmbedding(int headDim, double theta, RopeScaling scaling) {
        float[] plain = new float[headDim / 2];
        for (int i = 0; i < plain.length; i++) {
            // float32 like the reference implementation: the exponent in float, then the division
            float exponent = (float) (2 * i) / headDim;
            plain[i] = (float) (1.0 / Math.pow(theta, exponent));
        }
        inverseFrequencies = scaling.apply(plain);
    }

    /** The inverse frequencies (hD/2) the angles are made of. */
    float[] inverseFrequencies() {
        return inverseFrequencies.clone();
    }

    /** The cos and sin tables of the given positions (B, T): each (B, 1, T, hD). */
    Angles at(NDArray positions) {
        NDManager manager = positions.getManager();
        Shape shape = positions.getShape();
        NDArray frequencies = manager.create(inverseFrequencies);                   // (hD/2)
        NDArray angles = positions.toType(DataType.FLOAT32, false)
                .reshape(shape.get(0), 1, shape.get(1), 1)
                .mul(frequencies);                                                   // (B, 1, T, hD/2)
        NDArray full = angles.concat(angles, -1);                                  // (B, 1, T, hD)
        return new Angles(full.cos(), full.sin());
    }

    /** cos and sin of every position's angles, broadcast over heads. */
    record Angles(NDArray cos, NDArray sin) {
        /** Rotates queries or keys (B, heads, T, hD). */
        NDArray apply(NDArray x) {
            long half = x.getShape().get(3) / 2;
            NDArray first = x.get(":, :, :, :{}", half);                            // (B, n, T, hD/2)
            NDArray second = x.get(":, :, :, {}:", half);                           // (B, n, T, hD/2)
            NDArray rotated = second.neg().concat(first, -1);                       // (B, n, T, hD)
            return x.mul(cos).add(rotated.mul(sin));
        }

        /** The angles of batch rows from..to, as views. */
        Angles rows(long from, long to) {
            return new Angles(cos.get("{}:{}", from, to), sin.get("{}:{}", from, to));
        }
    }
}
