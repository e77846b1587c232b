package org.spinworkbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.spinworkbench.lm.LlamaModel;
import org.spinworkbench.lm.Scorer;

/**
 * The analytic gradient of the SPIN loss through {@link Scorer#responseLogProbs} (the whole
 * model: embedding, RMS norms, RoPE attention, SwiGLU MLP, lm_head, log-softmax, response
 * mask) against central finite differences (L(w+ε) − L(w−ε)) / 2ε, element by element.
 *
 * <p>The model runs in float64: its weights are FLOAT64 and PyTorch's type promotion lifts
 * the float32 constants (RoPE tables, mask, 0-d scale) to float64, which the test asserts.
 * With ε = 1e-5 the central difference has a truncation error ~ε²·|L'''|/6 and a rounding
 * error ~1e-16·|L|/ε ≈ 1e-11, so analytic and numeric gradients must agree to 1e-6
 * relative plus 1e-9 absolute. The checked gradients range from ~1e-6 to ~0.5; the measured
 * disagreements were below 5e-11. (A float32 check, with ε ≈ 1e-2, could only ask for ~1e-2
 * relative: too loose to catch a wrong factor on a small path.)
 */
class SpinLossGradientCheckTest {
    private static final double BETA = 0.5;
    private static final double EPSILON = 1e-5;
    private static final double RELATIVE_TOLERANCE = 1e-6;
    private static final double ABSOLUTE_TOLERANCE = 1e-9;
    /** βh of each example: active, beyond the hinge (no gradient from it), negative, active. */
    private static final double[] SCALED_MARGINS = {0.4, 2.0, -0.6, 0.1};
    private static final List<String> CHECKED = List.of(
            "model.embed_tokens.weight",
            "model.layers.0.self_attn.q_proj.weight",
            "model.layers.1.self_attn.v_proj.weight",
            "model.layers.0.input_layernorm.weight",
            "model.layers.1.post_attention_layernorm.weight",
            "model.layers.1.mlp.down_proj.weight",
            "model.norm.weight",
            "lm_head.weight");

    private static LlamaModel model;
    private static NDManager constants;
    private static final SpinBatch BATCH = SpinBatch.sample();

    @BeforeAll
    static void createModel() {
        model = TrainingModels.create(5, DataType.FLOAT64);
        constants = model.manager().newSubManager();
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    @ParameterizedTest
    @EnumSource(SpinLossKind.class)
    void analyticGradientsMatchCentralDifferences(SpinLossKind kind) {
        double[][] reference = referencePlacingMargins();
        try (SpinLoss loss = new SpinLoss(kind, BETA, constants)) {
            assertEquals(expectedLoss(kind), lossValue(loss, reference), 1e-12, "loss at the unperturbed weights");

            Map<String, NDArray> weights = model.weights();
            CHECKED.forEach(name -> weights.get(name).setRequiresGradient(true));
            Map<String, double[]> analytic = analyticGradients(loss, reference);

            int checked = 0;
            for (String name : CHECKED) {
                NDArray weight = weights.get(name);
                double[] gradient = analytic.get(name);
                for (int index : elementsToCheck(gradient)) {
                    double numeric = centralDifference(loss, reference, weight, index);
                    double tolerance = RELATIVE_TOLERANCE * Math.abs(numeric) + ABSOLUTE_TOLERANCE;
                    assertEquals(numeric, gradient[index], tolerance, name + " element " + index);
                    checked++;
                }
                double largest = 0;
                for (double value : gradient) {
                    largest = Math.max(largest, Math.abs(value));
                }
                assertTrue(largest > 1e-4, name + ": a check on gradients that are all ~0 proves nothing");
            }
            assertEquals(4 * CHECKED.size(), checked);
        } finally {
            model.weights().values().forEach(weight -> weight.setRequiresGradient(false));
        }
    }

    /**
     * Per tensor: the elements with the largest, the median and the smallest non-zero
     * gradient, and a fixed one (in the embedding, a row of a token the batch never uses, whose
     * gradient must be exactly 0 both ways).
     */
    private static List<Integer> elementsToCheck(double[] gradient) {
        List<Integer> nonZero = new ArrayList<>();
        for (int i = 0; i < gradient.length; i++) {
            if (gradient[i] != 0) {
                nonZero.add(i);
            }
        }
        nonZero.sort(Comparator.comparingDouble(i -> -Math.abs(gradient[i])));
        return List.of(nonZero.get(0), nonZero.get(nonZero.size() / 2), nonZero.get(nonZero.size() - 1),
                gradient.length / 3);
    }

    private static Map<String, double[]> analyticGradients(SpinLoss loss, double[][] reference) {
        Map<String, double[]> gradients = new LinkedHashMap<>();
        try (GradientCollector collector = Engine.getInstance().newGradientCollector();
             NDManager step = model.manager().newSubManager();
             NDScope scope = new NDScope()) {
            CHECKED.forEach(name -> Gradients.zero(model.weights().get(name))); // the other kind's run left its own
            NDArray value = lossOf(loss, reference, step);
            assertEquals(DataType.FLOAT64, value.getDataType(), "the model must compute in float64");
            collector.backward(value);
        }
        for (String name : CHECKED) {
            try (NDArray gradient = model.weights().get(name).getGradient()) {
                gradients.put(name, gradient.toDoubleArray());
            }
        }
        return gradients;
    }

    private static double centralDifference(SpinLoss loss, double[][] reference, NDArray weight, int flatIndex) {
        JniUtils.setGradMode(false);
        NDIndex index = indexOf(weight.getShape(), flatIndex);
        double original = weight.toDoubleArray()[flatIndex];
        double plus = original + EPSILON;
        double minus = original - EPSILON;
        weight.set(index, plus);
        double lossPlus = lossValue(loss, reference);
        weight.set(index, minus);
        double lossMinus = lossValue(loss, reference);
        weight.set(index, original);
        assertEquals(original, weight.toDoubleArray()[flatIndex], 0.0);
        return (lossPlus - lossMinus) / (plus - minus);
    }

    private static NDIndex indexOf(Shape shape, int flatIndex) {
        long[] coordinates = new long[shape.dimension()];
        long rest = flatIndex;
        for (int axis = shape.dimension() - 1; axis >= 0; axis--) {
            coordinates[axis] = rest % shape.get(axis);
            rest /= shape.get(axis);
        }
        return new NDIndex(coordinates);
    }

    private static double lossValue(SpinLoss loss, double[][] reference) {
        JniUtils.setGradMode(false);
        try (NDManager step = model.manager().newSubManager(); NDScope scope = new NDScope()) {
            return lossOf(loss, reference, step).getDouble();
        }
    }

    private static NDArray lossOf(SpinLoss loss, double[][] reference, NDManager step) {
        Scorer scorer = new Scorer(model, 0);
        NDArray policyReal = scorer.responseLogProbs(BATCH.prompts(), BATCH.real(), step);
        NDArray policyGenerated = scorer.responseLogProbs(BATCH.prompts(), BATCH.generated(), step);
        return loss.loss(policyReal, policyGenerated, step.create(reference[0]), step.create(reference[1]));
    }

    /**
     * Reference log-probs chosen so that βh takes the values of {@link #SCALED_MARGINS} at the
     * unperturbed weights: far enough from the hinge's kink at βh = 1 that ±ε cannot cross it.
     */
    private static double[][] referencePlacingMargins() {
        JniUtils.setGradMode(false);
        double[] real;
        double[] generated;
        try (NDManager step = model.manager().newSubManager(); NDScope scope = new NDScope()) {
            Scorer scorer = new Scorer(model, 0);
            real = scorer.responseLogProbs(BATCH.prompts(), BATCH.real(), step).toDoubleArray();
            generated = scorer.responseLogProbs(BATCH.prompts(), BATCH.generated(), step).toDoubleArray();
        }
        double[] referenceReal = new double[real.length];
        for (int i = 0; i < real.length; i++) {
            referenceReal[i] = real[i] - SCALED_MARGINS[i] / BETA;
        }
        return new double[][] {referenceReal, generated};
    }

    private static double expectedLoss(SpinLossKind kind) {
        double sum = 0;
        for (double margin : SCALED_MARGINS) {
            sum += kind == SpinLossKind.SIGMOID ? Math.log1p(Math.exp(-margin)) : Math.max(0, 1 - margin);
        }
        return sum / SCALED_MARGINS.length;
    }
}
