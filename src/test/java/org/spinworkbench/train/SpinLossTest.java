package org.spinworkbench.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.spinworkbench.lm.LlamaModel;

/**
 * Hand-computed batch of two, β = 0.5:
 * <pre>
 *   example 0: h = (−10 − (−10.5)) − (−11 − (−10.5)) =  1.0,  βh =  0.5
 *   example 1: h = (−12 − (−12))   − (−9.5 − (−10))  = −0.5,  βh = −0.25
 * </pre>
 */
class SpinLossTest {
    private static final double BETA = 0.5;
    private static final float[] POLICY_REAL = {-10f, -12f};
    private static final float[] POLICY_GENERATED = {-11f, -9.5f};
    private static final float[] REFERENCE_REAL = {-10.5f, -12f};
    private static final float[] REFERENCE_GENERATED = {-10.5f, -10f};

    @Test
    void sigmoidLossAndItsGradient() {
        // −log σ(βh) = log(1 + e^(−βh)): (log(1 + e^−0.5) + log(1 + e^0.25)) / 2
        double expected = (Math.log1p(Math.exp(-0.5)) + Math.log1p(Math.exp(0.25))) / 2;
        assertEquals(0.6500082, expected, 1e-7); // 0.474077 and 0.825939
        // d/d logπ(y_real) = −β σ(−βh) / B; the generated side gets the opposite sign
        double[] gradientReal = {-BETA * sigmoid(-0.5) / 2, -BETA * sigmoid(0.25) / 2};
        checkLossAndGradients(SpinLossKind.SIGMOID, expected, gradientReal);
    }

    @Test
    void hingeLossAndItsGradient() {
        // max(0, 1 − βh): (0.5 + 1.25) / 2
        checkLossAndGradients(SpinLossKind.HINGE, 0.875, new double[] {-BETA / 2, -BETA / 2});
    }

    @Test
    void hingeBeyondTheMarginGivesNoGradient() {
        try (NDManager manager = NDManager.newBaseManager();
             SpinLoss loss = new SpinLoss(SpinLossKind.HINGE, 1.0, manager)) {
            NDArray policyReal = manager.create(new float[] {-1f, -1f});
            policyReal.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector(); NDScope scope = new NDScope()) {
                // βh = 3 (satisfied) and 0.5 (inside the margin)
                NDArray value = loss.loss(policyReal, manager.create(new float[] {-1f, -1f}),
                        manager.create(new float[] {-4f, -1.5f}), manager.create(new float[] {-1f, -1f}));
                assertEquals(0.25, value.getFloat(), 1e-7);
                collector.backward(value);
            }
            assertArrayEquals(new float[] {0f, -0.5f}, KnownGradients.of(policyReal), 1e-7f);
        }
    }

    private static void checkLossAndGradients(SpinLossKind kind, double expectedLoss, double[] gradientReal) {
        try (NDManager manager = NDManager.newBaseManager();
             SpinLoss loss = new SpinLoss(kind, BETA, manager)) {
            NDArray policyReal = manager.create(POLICY_REAL);
            NDArray policyGenerated = manager.create(POLICY_GENERATED);
            policyReal.setRequiresGradient(true);
            policyGenerated.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector(); NDScope scope = new NDScope()) {
                NDArray value = loss.loss(policyReal, policyGenerated, manager.create(REFERENCE_REAL),
                        manager.create(REFERENCE_GENERATED));
                assertEquals(0, value.getShape().dimension(), "a scalar");
                assertEquals(DataType.FLOAT32, value.getDataType(), "β does not promote the log-probs' dtype");
                assertEquals(expectedLoss, value.getFloat(), 1e-6);
                collector.backward(value);
            }
            float[] real = KnownGradients.of(policyReal);
            float[] generated = KnownGradients.of(policyGenerated);
            for (int i = 0; i < 2; i++) {
                assertEquals(gradientReal[i], real[i], 1e-7, "d loss / d logπ(y_real) " + i);
                assertEquals(-gradientReal[i], generated[i], 1e-7, "d loss / d logπ(y_syn) " + i);
            }
        }
    }

    @Test
    void metricsUseTheReferenceDefinitions() {
        SpinMetrics metrics = SpinLoss.metrics(BETA, POLICY_REAL, POLICY_GENERATED, REFERENCE_REAL, REFERENCE_GENERATED);
        // rewards: real β(0.5, 0) = (0.25, 0); generated β(−0.5, 0.5) = (−0.25, 0.25)
        assertEquals(0.125, metrics.rewardsReal(), 1e-12);
        assertEquals(0.0, metrics.rewardsGenerated(), 1e-12);
        assertEquals(0.125, metrics.rewardsMargins(), 1e-12);
        assertEquals(0.5, metrics.rewardsAccuracies(), 0.0, "0.25 > −0.25 yes, 0 > 0.25 no");
        assertEquals(-11.0, metrics.logpsReal(), 1e-12);
        assertEquals(-10.25, metrics.logpsGenerated(), 1e-12);

        Map<String, Double> named = metrics.asMap("eval_");
        assertEquals(List.of("eval_rewards/real", "eval_rewards/generated", "eval_rewards/margins",
                "eval_rewards/accuracies", "eval_logps/real", "eval_logps/generated"), List.copyOf(named.keySet()));
        assertEquals(0.125, named.get("eval_rewards/margins"), 0.0);
        assertEquals(-10.25, metrics.asMap("").get("logps/generated"), 0.0);
    }

    @Test
    void mismatchedBatchesAreRefused() {
        try (NDManager manager = NDManager.newBaseManager();
             SpinLoss loss = new SpinLoss(SpinLossKind.SIGMOID, BETA, manager)) {
            NDArray two = manager.create(new float[] {1f, 2f});
            NDArray three = manager.create(new float[] {1f, 2f, 3f});
            assertThrows(IllegalArgumentException.class, () -> loss.loss(two, two, three, two));
            assertThrows(IllegalArgumentException.class, () -> SpinLoss.metrics(BETA, new float[2], new float[2],
                    new float[1], new float[2]));
            assertThrows(IllegalArgumentException.class, () -> new SpinLoss(SpinLossKind.HINGE, 0, manager));
        }
    }

    @ParameterizedTest
    @EnumSource(SpinLossKind.class)
    void aFewStepsOfSelfPlayRaiseTheMarginOfRealOverGenerated(SpinLossKind kind) {
        SpinBatch batch = SpinBatch.sample();
        try (LlamaModel model = TrainingModels.create(21, DataType.FLOAT32);
             SpinLoss loss = new SpinLoss(kind, 0.1, model.manager())) {
            float[][] reference = batch.referenceLogProbs(model); // θ_t, frozen: h = 0 at the start
            TrainingModels.requireGradients(model);
            try (AdamW adamW = new AdamW(model.weights(), 0.01, 0.9, 0.999, 1e-8)) {
                SpinBatch.StepResult first = batch.lossAndBackward(model, loss, reference);
                SpinMetrics before = SpinLoss.metrics(0.1, first.policyReal(), first.policyGenerated(), reference[0],
                        reference[1]);
                double startLoss = kind == SpinLossKind.SIGMOID ? Math.log(2) : 1.0;
                assertEquals(startLoss, first.loss(), 1e-5, "the policy starts as its own reference");
                assertEquals(0.0, before.rewardsMargins(), 1e-5);
                GradientNorm.clip(model.weights(), 1.0);
                adamW.step(5e-3);

                SpinBatch.StepResult last = null;
                for (int step = 1; step < 6; step++) {
                    last = batch.lossAndBackward(model, loss, reference);
                    GradientNorm.clip(model.weights(), 1.0);
                    adamW.step(5e-3);
                }
                SpinMetrics after = SpinLoss.metrics(0.1, last.policyReal(), last.policyGenerated(), reference[0],
                        reference[1]);
                assertTrue(last.loss() < first.loss() - 0.05, "loss " + first.loss() + " -> " + last.loss());
                assertTrue(after.rewardsMargins() > 0.5, "margin " + after.rewardsMargins());
                assertEquals(1.0, after.rewardsAccuracies(), 0.0);
            }
        }
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
