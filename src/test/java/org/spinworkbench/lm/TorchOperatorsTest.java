package org.spinworkbench.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class TorchOperatorsTest {
    private static final Shape SHAPE = new Shape(2, 3, 4096);

    /**
     * silu(g) · u and both gradients against the formulas in double precision, over values
     * from −12 to 12 (sigmoid's saturated tails included): silu(x) = x / (1 + e^−x),
     * ∂/∂g = dh · u · σ(g) · (1 + g · (1 − σ(g))), ∂/∂u = dh · silu(g).
     */
    @Test
    void siluTimesAndItsGradientsAreTheFormulas() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray gate = manager.randomUniform(-12, 12, SHAPE, DataType.FLOAT32);
            NDArray up = manager.randomNormal(0, 1, SHAPE, DataType.FLOAT32);
            NDArray outputGradient = manager.randomNormal(0, 1, SHAPE, DataType.FLOAT32);
            gate.setRequiresGradient(true);
            up.setRequiresGradient(true);
            float[] out;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray h = TorchOperators.siluTimes(gate, up);
                assertEquals(SHAPE, h.getShape());
                out = h.toFloatArray();
                collector.backward(h.mul(outputGradient).sum());
            }
            float[] g = gate.toFloatArray();
            float[] u = up.toFloatArray();
            float[] dh = outputGradient.toFloatArray();
            float[] dg = gate.getGradient().toFloatArray();
            float[] du = up.getGradient().toFloatArray();
            for (int i = 0; i < g.length; i++) {
                double sigmoid = 1 / (1 + Math.exp(-g[i]));
                double silu = g[i] * sigmoid;
                assertClose(silu * u[i], out[i], Math.abs(silu * u[i]), "silu(g)·u", i);
                assertClose(dh[i] * silu, du[i], Math.abs(dh[i] * silu), "∂/∂u", i);
                // 1 + g·(1 − σ) cancels near g ≈ −1.28: float32's error is relative to its terms' size
                double terms = Math.abs(dh[i] * u[i]) * sigmoid * (1 + Math.abs(g[i]) * (1 - sigmoid));
                assertClose(dh[i] * u[i] * sigmoid * (1 + g[i] * (1 - sigmoid)), dg[i], terms, "∂/∂g", i);
            }
        }
    }

    /** float32 rounding of a few operations: 1e-6 of the size of the terms, or 1e-30 near zero. */
    private static void assertClose(double expected, float actual, double size, String what, int at) {
        assertEquals(expected, actual, Math.max(1e-6 * size, 1e-30), what + " at " + at);
    }

    /**
     * A call records gradients exactly when the caller does, and the same inputs give the same
     * bits call after call: the executor's profiling runs (the first two) and later ones alike.
     */
    @Test
    void recordsOnlyWhenAskedAndRepeatsItselfToTheBit() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray gate = manager.randomNormal(0, 3, SHAPE, DataType.FLOAT32);
            NDArray up = manager.randomNormal(0, 1, SHAPE, DataType.FLOAT32);
            gate.setRequiresGradient(true);
            up.setRequiresGradient(true);
            List<float[]> outputs = new ArrayList<>();
            List<float[]> gradients = new ArrayList<>();
            for (int call = 0; call < 5; call++) {
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray h = TorchOperators.siluTimes(gate, up);
                    assertEquals("MulBackward0", JniUtils.getGradientFunctionNames((PtNDArray) h), "recorded");
                    outputs.add(h.toFloatArray());
                    collector.backward(h.sum());
                    gradients.add(gate.getGradient().toFloatArray());
                    gate.getGradient().subi(gate.getGradient());
                }
            }
            for (int call = 1; call < outputs.size(); call++) {
                assertArrayEquals(outputs.get(0), outputs.get(call), 0f, "output of call " + call);
                assertArrayEquals(gradients.get(0), gradients.get(call), 0f, "gradient of call " + call);
            }
            // made with gradients off, the product is a constant: backward through it reaches nothing before it
            NDArray weight = manager.ones(new Shape(4096));
            weight.setRequiresGradient(true);
            NDArray constantProduct;
            NDArray constantNorm;
            JniUtils.setGradMode(false);
            try {
                constantProduct = TorchOperators.siluTimes(gate, up);
                constantNorm = TorchOperators.rmsNorm(gate, weight, 1e-5);
            } finally {
                JniUtils.setGradMode(true);
            }
            NDArray scale = manager.ones(SHAPE);
            scale.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(constantProduct.add(constantNorm).mul(scale).sum());
            }
            assertEquals(0f, gate.getGradient().abs().max().getFloat(), "no gradient reaches the gate");
            assertEquals(0f, weight.getGradient().abs().max().getFloat(), "no gradient reaches the norm's weight");
            assertTrue(scale.getGradient().abs().max().getFloat() > 0, "the constant itself was used");
        }
    }

    @Test
    void anEpsilonMustBeFiniteAndNotNegative() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.ones(new Shape(2, 4));
            NDArray weight = manager.ones(new Shape(4));
            for (double epsilon : new double[] {-1e-6, Double.NaN, Double.POSITIVE_INFINITY}) {
                IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                        () -> TorchOperators.rmsNorm(x, weight, epsilon));
                assertTrue(refused.getMessage().contains(String.valueOf(epsilon)), refused.getMessage());
            }
            // ε = 0 is a valid norm: a row of ones stays ones
            assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1, 1, 1}, TorchOperators.rmsNorm(x, weight, 0).toFloatArray());
        }
    }

    /** The archive holds torch.jit.save's four records under one folder, stored uncompressed. */
    @Test
    void anArchiveHoldsTheRecordsTorchReads() throws IOException {
        byte[] archive = TorchScriptArchive.of("Twice", """
                  def forward(self: __torch__.Twice, x: Tensor) -> Tensor:
                    return torch.add(x, x)
                """);
        List<String> names = new ArrayList<>();
        String code = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
                assertEquals(ZipEntry.STORED, entry.getMethod(), entry.getName());
                byte[] content = zip.readAllBytes();
                if (entry.getName().endsWith("__torch__.py")) {
                    code = new String(content, StandardCharsets.UTF_8);
                }
                if (entry.getName().endsWith("version")) {
                    assertEquals(TorchScriptArchive.FORMAT_VERSION + "\n", new String(content, StandardCharsets.US_ASCII));
                }
            }
        }
        assertEquals(List.of("module/data.pkl", "module/code/__torch__.py", "module/constants.pkl", "module/version"), names);
        assertTrue(code.startsWith("class Twice(Module):\n"), code);
        assertThrows(IllegalArgumentException.class, () -> TorchScriptArchive.of("twice; import os", "  pass\n"));
    }
}
