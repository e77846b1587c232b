package org.spinworkbench.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.lm.LlamaModel;
import org.spinworkbench.lm.NativeAllocator;
import org.spinworkbench.lm.ProcessMemory;
import org.spinworkbench.lm.hf.CheckpointException;
import org.spinworkbench.lm.hf.DType;
import org.spinworkbench.lm.hf.NamedTensor;
import org.spinworkbench.lm.hf.SafetensorsCheckpoint;
import org.spinworkbench.lm.hf.SafetensorsWriter;

class AdamWTest {
    private static final double WEIGHT_DECAY = 0.1;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    /**
     * Large on purpose, beside gradients of ~1e-3: it separates torch's placement of ε
     * (m̂ / (sqrt(v̂) + ε)) from sqrt(v̂ + ε) and from ε added before the bias correction
     * by far more than the float32 tolerance below.
     */
    private static final double EPSILON = 1e-3;
    /** float32 arithmetic on values of order 1: a few ulps (6e-8 each). */
    private static final double TOLERANCE = 1e-6;

    @Test
    void threeStepsFollowTorchAdamW() {
        float[] start = {1.0f, -2.0f};
        float[][] gradients = {{0.5f, 2e-3f}, {0.1f, -1e-3f}, {-0.4f, 3e-3f}};
        double[] learningRates = {0.1, 0.05, 0.02};
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = parameter(manager, "w", start);
            Map<String, NDArray> parameters = Map.of("layer.weight", weight);
            try (AdamW adamW = new AdamW(parameters, WEIGHT_DECAY, BETA1, BETA2, EPSILON)) {
                for (int step = 0; step < 3; step++) {
                    KnownGradients.add(parameters, Map.of("layer.weight", gradients[step]));
                    adamW.step(learningRates[step]);
                    assertArrayEquals(torchAdamW(start, gradients, learningRates, step + 1), asDoubles(weight.toFloatArray()),
                            TOLERANCE, "after step " + (step + 1));
                    if (step == 0) {
                        // by hand: p(1 − lr·λ) − lr · g / (|g| + ε), since m̂ = g and sqrt(v̂) = |g| at t = 1
                        assertEquals(1.0 * 0.99 - 0.1 * 0.5 / 0.501, asDoubles(weight.toFloatArray())[0], TOLERANCE);
                        assertEquals(-2.0 * 0.99 - 0.1 * 2e-3 / 3e-3, asDoubles(weight.toFloatArray())[1], TOLERANCE);
                    }
                    assertArrayEquals(new float[2], KnownGradients.of(weight), "step zeroes the gradients");
                }
                assertEquals(3, adamW.stepCount());
            }
        }
    }

    @Test
    void aStepHoldsTheTemporariesOfOneParameterAtATime() {
        assumeTrue(Platform.isLinux(), "resident memory and its peak are read from /proc");
        assertTrue(NativeAllocator.mapLargeBlocks(), "with large blocks mapped, resident memory follows the live tensors");
        int parameters = 16;
        long elements = 2L << 20; // 8 MiB a parameter, 128 MiB in all
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDArray> weights = new LinkedHashMap<>();
            for (int i = 0; i < parameters; i++) {
                NDArray weight = manager.ones(new Shape(elements));
                weight.setRequiresGradient(true);
                weights.put("layers." + i + ".weight", weight);
            }
            try (AdamW adamW = new AdamW(weights, WEIGHT_DECAY, BETA1, BETA2, EPSILON)) {
                long grown = growthOfAStep(adamW, weights);

                // two temporaries of one parameter (16 MiB) and slack; four of every parameter would be 512 MiB
                assertTrue(grown <= 40, "the step grew resident memory by " + grown + " MiB");
                // and every parameter was updated: at t = 1 with g = 1, p = 1·(1 − lr·λ) − lr / (1 + ε)
                double expected = (1 - 1e-3 * WEIGHT_DECAY) - 1e-3 / (1 + EPSILON);
                for (NDArray weight : weights.values()) {
                    assertEquals(expected, weight.getFloat(elements - 1), TOLERANCE);
                }
            }
        }
    }

    @Test
    void aLargeParameterIsUpdatedASliceOfRowsAtATimeToTheSameBits() {
        long rows = 1000;
        long columns = 300;
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray start = manager.randomNormal(0, 1, new Shape(rows, columns), DataType.FLOAT32);
            Map<String, NDArray> whole = Map.of("embed.weight", trainable(start.duplicate()));
            Map<String, NDArray> sliced = Map.of("embed.weight", trainable(start.duplicate()));
            // 11 rows a slice: 90 full slices and a last one of 10 rows
            try (AdamW once = new AdamW(whole, WEIGHT_DECAY, BETA1, BETA2, EPSILON, rows * columns);
                 AdamW inSlices = new AdamW(sliced, WEIGHT_DECAY, BETA1, BETA2, EPSILON, 11 * columns + 7)) {
                for (int step = 0; step < 3; step++) {
                    float[] gradient = manager.randomNormal(0, 1e-2f, new Shape(rows * columns), DataType.FLOAT32)
                            .toFloatArray();
                    KnownGradients.add(whole, Map.of("embed.weight", gradient));
                    KnownGradients.add(sliced, Map.of("embed.weight", gradient));
                    once.step(1e-2);
                    inSlices.step(1e-2);
                }
                float[] expected = whole.get("embed.weight").toFloatArray();
                assertFalse(start.contentEquals(whole.get("embed.weight")), "the steps changed the weights");
                assertArrayEquals(expected, sliced.get("embed.weight").toFloatArray(), 0f);
                List<NamedTensor> onceState = once.state();
                List<NamedTensor> slicedState = inSlices.state();
                for (int i = 0; i < onceState.size(); i++) {
                    assertArrayEquals(onceState.get(i).values(), slicedState.get(i).values(), 0f,
                            onceState.get(i).name());
                }
            }
        }
    }

    @Test
    void aLargeParameterHoldsTheTemporariesOfOneSliceAtATime() {
        assumeTrue(Platform.isLinux(), "resident memory and its peak are read from /proc");
        assertTrue(NativeAllocator.mapLargeBlocks(), "with large blocks mapped, resident memory follows the live tensors");
        long rows = 4096;
        long columns = 4096; // 64 MiB: sixteen slices of 4 MiB
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = trainable(manager.ones(new Shape(rows, columns)));
            Map<String, NDArray> weights = Map.of("model.embed_tokens.weight", weight);
            try (AdamW adamW = new AdamW(weights, WEIGHT_DECAY, BETA1, BETA2, EPSILON)) {
                long grown = growthOfAStep(adamW, weights);

                // two temporaries of one 4 MiB slice and slack; two of the whole parameter would be 128 MiB
                assertTrue(grown <= 24, "the step grew resident memory by " + grown + " MiB");
                double expected = (1 - 1e-3 * WEIGHT_DECAY) - 1e-3 / (1 + EPSILON);
                assertEquals(expected, weight.getFloat(0, 0), TOLERANCE);
                assertEquals(expected, weight.getFloat(rows - 1, columns - 1), TOLERANCE);
            }
        }
    }

    /** How much one step from gradients of 1 everywhere grows the process's peak resident memory, in MiB. */
    private static long growthOfAStep(AdamW adamW, Map<String, NDArray> weights) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector();
             NDScope scope = new NDScope()) {
            collector.backward(weights.values().stream().map(NDArray::sum).reduce(NDArray::add).orElseThrow());
        }
        assertTrue(ProcessMemory.restartPeak(), "the peak starts again from now");
        long before = ProcessMemory.residentMiB();
        adamW.step(1e-3);
        return ProcessMemory.peakResidentMiB() - before;
    }

    private static NDArray trainable(NDArray array) {
        array.setRequiresGradient(true);
        return array;
    }

    /** torch.optim.AdamW (single-tensor path) in double precision, after {@code steps} steps. */
    private static double[] torchAdamW(float[] start, float[][] gradients, double[] learningRates, int steps) {
        double[] p = new double[start.length];
        double[] m = new double[start.length];
        double[] v = new double[start.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = start[i];
        }
        for (int t = 1; t <= steps; t++) {
            double lr = learningRates[t - 1];
            double biasCorrection1 = 1 - Math.pow(BETA1, t);
            double biasCorrection2 = 1 - Math.pow(BETA2, t);
            for (int i = 0; i < p.length; i++) {
                double g = gradients[t - 1][i];
                p[i] *= 1 - lr * WEIGHT_DECAY;
                m[i] = BETA1 * m[i] + (1 - BETA1) * g;
                v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
                p[i] -= lr / biasCorrection1 * m[i] / (Math.sqrt(v[i]) / Math.sqrt(biasCorrection2) + EPSILON);
            }
        }
        return p;
    }

    @Test
    void biasesAndNormWeightsAreNotDecayed() {
        assertTrue(AdamW.decays("model.layers.0.self_attn.q_proj.weight"));
        assertTrue(AdamW.decays("lm_head.weight"));
        assertFalse(AdamW.decays("model.layers.0.self_attn.q_proj.bias"));
        assertFalse(AdamW.decays("model.layers.0.input_layernorm.weight"));
        assertFalse(AdamW.decays("model.norm.weight"));

        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDArray> parameters = new LinkedHashMap<>();
            for (String name : List.of("layer.weight", "layer.bias", "model.norm.weight",
                    "model.layers.0.post_attention_layernorm.weight")) {
                parameters.put(name, parameter(manager, name, new float[] {2f, -4f}));
            }
            Map<String, float[]> zero = new HashMap<>();
            parameters.keySet().forEach(name -> zero.put(name, new float[2]));
            try (AdamW adamW = new AdamW(parameters, 0.5, BETA1, BETA2, 1e-8)) {
                KnownGradients.add(parameters, zero); // a zero gradient: only the decay moves a parameter
                adamW.step(0.1);
            }
            assertArrayEquals(new float[] {2f * 0.95f, -4f * 0.95f}, parameters.get("layer.weight").toFloatArray(),
                    1e-6f);
            for (String name : List.of("layer.bias", "model.norm.weight", "model.layers.0.post_attention_layernorm.weight")) {
                assertArrayEquals(new float[] {2f, -4f}, parameters.get(name).toFloatArray(), 0f, name);
            }
        }
    }

    @Test
    void aParameterBackwardNeverReachedIsLeftAlone() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray used = parameter(manager, "used", new float[] {1f, 1f});
            NDArray unused = parameter(manager, "unused", new float[] {3f, 3f});
            Map<String, NDArray> parameters = Map.of("a.weight", used, "b.weight", unused);
            try (AdamW adamW = new AdamW(parameters, WEIGHT_DECAY, BETA1, BETA2, 1e-8)) {
                KnownGradients.add(parameters, Map.of("a.weight", new float[] {1f, -1f}));
                adamW.step(0.1);
            }
            assertArrayEquals(new float[] {3f, 3f}, unused.toFloatArray(), 0f, "torch skips a parameter without gradient");
            assertArrayEquals(new float[] {0.99f - 0.1f, 0.99f + 0.1f}, used.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void zeroGradientsClearsNaN() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = parameter(manager, "w", new float[] {1f, 2f});
            Map<String, NDArray> parameters = Map.of("w", weight);
            try (AdamW adamW = new AdamW(parameters, 0, BETA1, BETA2, 1e-8)) {
                KnownGradients.add(parameters, Map.of("w", new float[] {Float.NaN, 1f}));
                adamW.zeroGradients();
                assertArrayEquals(new float[2], KnownGradients.of(weight));
            }
        }
    }

    @Test
    void theStateRoundTripsThroughSafetensorsAndAResumedRunContinuesBitForBit(@TempDir Path dir) throws IOException {
        SpinBatch batch = SpinBatch.sample();
        LearningRateSchedule schedule = LearningRateSchedule.linear(5e-3, 2, 10);
        Map<String, float[]> savedWeights = new HashMap<>();
        Map<String, float[]> uninterrupted = new HashMap<>();
        List<NamedTensor> savedState;
        float[][] reference;

        try (LlamaModel model = TrainingModels.create(3, DataType.FLOAT32);
             SpinLoss loss = new SpinLoss(SpinLossKind.SIGMOID, 0.1, model.manager())) {
            reference = batch.referenceLogProbs(model);
            TrainingModels.requireGradients(model);
            try (AdamW adamW = new AdamW(model.weights(), 0.01, BETA1, BETA2, 1e-8)) {
                for (int step = 0; step < 3; step++) {
                    trainingStep(model, loss, batch, reference, adamW, schedule);
                }
                savedState = copied(adamW.state());
                model.weights().forEach((name, weight) -> savedWeights.put(name, weight.toFloatArray()));
                new SafetensorsWriter().write(dir.resolve("model.safetensors"), savedState, DType.F32, Map.of());
                trainingStep(model, loss, batch, reference, adamW, schedule);
                model.weights().forEach((name, weight) -> uninterrupted.put(name, weight.toFloatArray()));
            }
        }

        try (LlamaModel model = TrainingModels.withWeights(savedWeights);
             SpinLoss loss = new SpinLoss(SpinLossKind.SIGMOID, 0.1, model.manager());
             SafetensorsCheckpoint saved = SafetensorsCheckpoint.open(dir)) {
            TrainingModels.requireGradients(model);
            try (AdamW adamW = new AdamW(model.weights(), 0.01, BETA1, BETA2, 1e-8)) {
                adamW.loadState(saved);
                assertEquals(3, adamW.stepCount());
                assertEquals(savedState, adamW.state(), "state() after loadState is what was saved");
                trainingStep(model, loss, batch, reference, adamW, schedule);
            }
            for (var entry : uninterrupted.entrySet()) {
                assertArrayEquals(entry.getValue(), model.weights().get(entry.getKey()).toFloatArray(), 0f,
                        entry.getKey() + " after the resumed step");
            }
        }
    }

    @Test
    void anOptimiserMadeInsideAStepScopeOutlivesIt() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = parameter(manager, "w", new float[] {1f, 1f});
            Map<String, NDArray> parameters = Map.of("w", weight);
            AdamW adamW;
            try (NDScope scope = new NDScope()) {
                adamW = new AdamW(parameters, 0, BETA1, BETA2, 1e-8); // DJL_NOTES.md trap 10
            }
            try (adamW) {
                for (int step = 0; step < 2; step++) {
                    KnownGradients.add(parameters, Map.of("w", new float[] {1f, -1f}));
                    adamW.step(0.1);
                }
            }
            assertArrayEquals(new float[] {0.8f, 1.2f}, weight.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void theStateNamesEveryMomentAndTheStep() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDArray> parameters = Map.of("b.weight", parameter(manager, "b", new float[] {1f}),
                    "a.bias", parameter(manager, "a", new float[] {1f, 2f}));
            try (AdamW adamW = new AdamW(parameters, 0, BETA1, BETA2, 1e-8)) {
                List<String> names = adamW.state().stream().map(NamedTensor::name).toList();
                assertEquals(List.of("exp_avg/a.bias", "exp_avg_sq/a.bias", "exp_avg/b.weight", "exp_avg_sq/b.weight",
                        "step"), names);
                assertArrayEquals(new long[0], adamW.state().get(4).shape());
            }
        }
    }

    @Test
    void aStateOfAnotherModelIsRefusedAndChangesNothing(@TempDir Path dir) throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDArray> parameters = Map.of("w", parameter(manager, "w", new float[] {1f, 2f}));
            List<NamedTensor> other = List.of(new NamedTensor("exp_avg/v", new long[] {2}, new float[2]),
                    new NamedTensor("step", new long[0], new float[] {7}));
            new SafetensorsWriter().write(dir.resolve("model.safetensors"), other, DType.F32, Map.of());
            List<NamedTensor> wrongShape = List.of(new NamedTensor("exp_avg/w", new long[] {3}, new float[3]),
                    new NamedTensor("exp_avg_sq/w", new long[] {3}, new float[3]),
                    new NamedTensor("step", new long[0], new float[] {7}));
            Path wrong = dir.resolve("wrong");
            new SafetensorsWriter().writeSharded(wrong, wrongShape, DType.F32, Long.MAX_VALUE);
            try (AdamW adamW = new AdamW(parameters, 0, BETA1, BETA2, 1e-8);
                 SafetensorsCheckpoint saved = SafetensorsCheckpoint.open(dir);
                 SafetensorsCheckpoint savedWrong = SafetensorsCheckpoint.open(wrong)) {
                List<NamedTensor> before = copied(adamW.state());
                IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                        () -> adamW.loadState(saved));
                assertTrue(unknown.getMessage().contains("'exp_avg/v'"), unknown.getMessage());
                assertThrows(CheckpointException.class, () -> adamW.loadState(savedWrong));
                assertEquals(before, adamW.state());
                assertEquals(0, adamW.stepCount());
            }
        }
    }

    @Test
    void hyperParametersAreChecked() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDArray> parameters = Map.of("w", parameter(manager, "w", new float[] {1f}));
            assertThrows(IllegalArgumentException.class, () -> new AdamW(parameters, 0, 1.0, BETA2, 1e-8));
            assertThrows(IllegalArgumentException.class, () -> new AdamW(parameters, -0.1, BETA1, BETA2, 1e-8));
            assertThrows(IllegalArgumentException.class, () -> new AdamW(Map.of(), 0, BETA1, BETA2, 1e-8));
            try (AdamW adamW = new AdamW(parameters, 0, BETA1, BETA2, 1e-8)) {
                assertThrows(IllegalArgumentException.class, () -> adamW.step(Double.NaN));
            }
        }
    }

    /** One SPIN step as the trainer takes it: forward and backward in a scope, clip, update. */
    static void trainingStep(LlamaModel model, SpinLoss loss, SpinBatch batch, float[][] reference, AdamW adamW,
                             LearningRateSchedule schedule) {
        batch.lossAndBackward(model, loss, reference);
        double norm = GradientNorm.clip(model.weights(), 1.0);
        assertTrue(Double.isFinite(norm));
        adamW.step(schedule.at(adamW.stepCount()));
    }

    private static double[] asDoubles(float[] values) {
        double[] doubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            doubles[i] = values[i];
        }
        return doubles;
    }

    /** The tensors' values as they are now: state() reads the live moments only when written. */
    private static List<NamedTensor> copied(List<NamedTensor> state) {
        return state.stream().map(tensor -> new NamedTensor(tensor.name(), tensor.shape(), tensor.values())).toList();
    }

    private static NDArray parameter(NDManager manager, String name, float[] values) {
        NDArray parameter = manager.create(values, new Shape(values.length));
        parameter.setName(name);
        parameter.setRequiresGradient(true);
        return parameter;
    }
}
