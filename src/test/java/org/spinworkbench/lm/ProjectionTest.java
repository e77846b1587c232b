package org.spinworkbench.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.Test;

class ProjectionTest {
    private static final int IN = 96;
    private static final int OUT = 40;

    /**
     * At every row count around the flipped range, with and without a bias, a 3-D input gives
     * x·Wᵀ + b to float32 rounding, in the input's leading shape, and leaves the input's shape
     * as it was.
     */
    @Test
    void decodingRowsGiveTheLinearLayersValuesInTheirShape() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = manager.randomNormal(0, 0.1f, new Shape(OUT, IN), DataType.FLOAT32);
            NDArray bias = manager.randomNormal(0, 0.1f, new Shape(OUT), DataType.FLOAT32);
            withGradients(false, () -> {
                for (long rows : new long[] {1, 15, 16, 33, 48, 49, 128}) {
                    NDArray x = manager.randomNormal(0, 1, new Shape(rows, 1, IN), DataType.FLOAT32);
                    for (NDArray b : new NDArray[] {null, bias}) {
                        NDArray y = Projection.apply(x, weight, b);
                        assertEquals(new Shape(rows, 1, OUT), y.getShape(), rows + " rows");
                        assertEquals(new Shape(rows, 1, IN), x.getShape(), "the input's shape is untouched");
                        float[] expected = expected(x.toFloatArray(), weight.toFloatArray(),
                                b == null ? null : b.toFloatArray());
                        float[] actual = y.toFloatArray();
                        for (int i = 0; i < expected.length; i++) {
                            assertEquals(expected[i], actual[i], 1e-5f * (1 + Math.abs(expected[i])),
                                    rows + " rows, value " + i);
                        }
                    }
                }
            });
        }
    }

    /** While gradients are recorded the plain layer runs: the same bits as DJL's Linear. */
    @Test
    void trainingKeepsThePlainProduct() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = manager.randomNormal(0, 0.1f, new Shape(OUT, IN), DataType.FLOAT32);
            NDArray x = manager.randomNormal(0, 1, new Shape(32, IN), DataType.FLOAT32);
            withGradients(true, () -> assertArrayEquals(Linear.linear(x, weight, null).singletonOrThrow().toFloatArray(),
                    Projection.apply(x, weight, null).toFloatArray(), 0f));
        }
    }

    /** Runs {@code check} with this thread's gradient recording on or off, then restores it. */
    private static void withGradients(boolean on, Runnable check) {
        boolean recording = JniUtils.isGradMode();
        JniUtils.setGradMode(on);
        try {
            check.run();
        } finally {
            JniUtils.setGradMode(recording);
        }
    }

    /** x·Wᵀ + b in double precision, rounded once. */
    private static float[] expected(float[] x, float[] w, float[] b) {
        int rows = x.length / IN;
        float[] y = new float[rows * OUT];
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < OUT; o++) {
                double sum = b == null ? 0 : b[o];
                for (int i = 0; i < IN; i++) {
                    sum += (double) x[r * IN + i] * w[o * IN + i];
                }
                y[r * OUT + o] = (float) sum;
            }
        }
        return y;
    }
}
