package org.spinworkbench.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GradientNormTest {
    private NDManager manager;
    private Map<String, NDArray> parameters;

    /** (2, 2) with gradient norm 3 and (3) with norm 4: global norm 5; a third never gets a gradient. */
    @BeforeEach
    void parametersWithGradients() {
        manager = NDManager.newBaseManager();
        parameters = new LinkedHashMap<>();
        parameters.put("a.weight", parameter(new Shape(2, 2)));
        parameters.put("b.bias", parameter(new Shape(3)));
        parameters.put("c.weight", parameter(new Shape(2)));
        KnownGradients.add(parameters, Map.of("a.weight", new float[] {1, 2, 2, 0}, "b.bias", new float[] {0, 4, 0}));
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void theNormBelowTheLimitIsReportedAndNothingScaled() {
        assertEquals(5.0, GradientNorm.clip(parameters, 10.0), 1e-6);
        assertArrayEquals(new float[] {1, 2, 2, 0}, KnownGradients.of(parameters.get("a.weight")));
        assertArrayEquals(new float[] {0, 4, 0}, KnownGradients.of(parameters.get("b.bias")));
    }

    @Test
    void gradientsAboveTheLimitAreScaledToIt() {
        assertEquals(5.0, GradientNorm.clip(parameters, 1.0), 1e-6, "the norm before clipping");
        float factor = (float) (1.0 / (5.0 + GradientNorm.EPSILON));
        assertArrayEquals(new float[] {factor, 2 * factor, 2 * factor, 0}, KnownGradients.of(parameters.get("a.weight")),
                1e-7f);
        assertArrayEquals(new float[] {0, 4 * factor, 0}, KnownGradients.of(parameters.get("b.bias")), 1e-7f);
        assertEquals(1.0, GradientNorm.clip(parameters, Double.POSITIVE_INFINITY), 1e-6, "the norm after clipping");
    }

    @Test
    void aNaNGradientIsReportedAndNoGradientTouched() {
        KnownGradients.add(parameters, Map.of("b.bias", new float[] {Float.NaN, 0, 0}));
        assertTrue(Double.isNaN(GradientNorm.clip(parameters, 1.0)));
        assertArrayEquals(new float[] {1, 2, 2, 0}, KnownGradients.of(parameters.get("a.weight")));
        assertArrayEquals(new float[] {Float.NaN, 4, 0}, KnownGradients.of(parameters.get("b.bias")));
    }

    @Test
    void anInfiniteGradientIsReportedAndNoGradientTouched() {
        KnownGradients.add(parameters, Map.of("a.weight", new float[] {0, Float.NEGATIVE_INFINITY, 0, 0}));
        double norm = GradientNorm.clip(parameters, 1.0);
        assertEquals(Double.POSITIVE_INFINITY, norm);
        assertArrayEquals(new float[] {1, Float.NEGATIVE_INFINITY, 2, 0}, KnownGradients.of(parameters.get("a.weight")));
        assertArrayEquals(new float[] {0, 4, 0}, KnownGradients.of(parameters.get("b.bias")));
    }

    @Test
    void theLimitMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> GradientNorm.clip(parameters, 0));
        assertThrows(IllegalArgumentException.class, () -> GradientNorm.clip(parameters, Double.NaN));
    }

    private NDArray parameter(Shape shape) {
        NDArray parameter = manager.ones(shape);
        parameter.setRequiresGradient(true);
        return parameter;
    }
}
