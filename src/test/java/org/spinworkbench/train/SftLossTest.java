package org.spinworkbench.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class SftLossTest {

    @Test
    void everyResponseTokenWeighsTheSame() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray sums = manager.create(new float[] {-6f, -2f});
            sums.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector();
                 NDManager step = manager.newSubManager(); NDScope scope = new NDScope()) {
                NDArray loss = SftLoss.loss(sums, new int[] {3, 1}, step);
                assertEquals(DataType.FLOAT32, loss.getDataType());
                assertEquals(0, loss.getShape().dimension());
                assertEquals(2.0, loss.getFloat(), 1e-6, "(6 + 2) / (3 + 1), not the mean of 2 and 2");
                collector.backward(loss);
            }
            assertArrayEquals(new float[] {-0.25f, -0.25f}, KnownGradients.of(sums), 1e-7f);
        }
    }

    @Test
    void aBatchWithoutResponseTokensIsRefused() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray sums = manager.create(new float[] {0f, 0f});
            assertThrows(IllegalArgumentException.class, () -> SftLoss.loss(sums, new int[] {0, 0}, manager));
            assertThrows(IllegalArgumentException.class, () -> SftLoss.loss(sums, new int[] {1}, manager));
        }
    }
}
