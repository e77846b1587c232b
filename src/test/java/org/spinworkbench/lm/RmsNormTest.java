package org.spinworkbench.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class RmsNormTest {
    private static final double EPSILON = 1e-6;

    /**
     * transformers' LlamaRMSNorm is {@code weight * (x * torch.rsqrt(mean(x²) + eps))} in
     * float32, and torch's CPU rsqrt is 1 / sqrt with both correctly rounded. The same float
     * arithmetic in Java (Math.sqrt is correctly rounded) must give the same bits in every
     * element, the mean of squares taken from torch (the summation order is the library's);
     * dividing by the root instead differs in the last bit of many.
     */
    @Test
    void normalisesAsTransformersDoesToTheBit() {
        int rows = 64;
        int hidden = 96;
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.randomNormal(0, 3, new Shape(2, rows / 2, hidden), DataType.FLOAT32);
            NDArray weight = manager.randomNormal(1, 0.2f, new Shape(hidden), DataType.FLOAT32);
            weight.setName("model.layers.0.input_layernorm.weight"); // a loaded weight's name, dots and all
            float[] out = TorchOperators.rmsNorm(x, weight, EPSILON).toFloatArray();
            float[] values = x.toFloatArray();
            float[] scale = weight.toFloatArray();
            float[] meanSquares = x.square().mean(new int[] {-1}).add((float) EPSILON).toFloatArray();
            int differsFromDivision = 0;
            for (int row = 0; row < rows; row++) {
                float root = (float) Math.sqrt(meanSquares[row]);
                float inverseRoot = 1f / root;
                for (int i = 0; i < hidden; i++) {
                    int at = row * hidden + i;
                    float expected = scale[i] * (values[at] * inverseRoot);
                    assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(out[at]),
                            "row " + row + ", element " + i + ": " + expected + " against " + out[at]);
                    if (values[at] / root * scale[i] != expected) {
                        differsFromDivision++;
                    }
                }
            }
            assertTrue(differsFromDivision > 0, "the data tells rsqrt from division");
        }
    }
}
