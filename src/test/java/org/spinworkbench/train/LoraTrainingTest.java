package org.spinworkbench.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.lm.LlamaModel;
import org.spinworkbench.lm.LoraAdapter;
import org.spinworkbench.lm.LoraConfig;
import org.spinworkbench.lm.Scorer;
import org.spinworkbench.lm.hf.SafetensorsCheckpoint;

/**
 * LoRA training on real tensors: only the adapters move (the base gets no gradient and no
 * optimiser state), and a run stopped mid-iteration and resumed from its checkpoint ends with
 * the very adapter an uninterrupted run ends with, adapter dropout included.
 */
class LoraTrainingTest {
    private static final LoraConfig LORA = new LoraConfig(4, 8, 0.2, List.of("q_proj", "v_proj", "down_proj"));
    private static final TrainingConfig CONFIG = TrainingConfig.builder().optEpochs(2).optBatchSize(2)
            .optLearningRate(1e-2).optWarmupRatio(0).optSaveSteps(1).optLora(LORA).build();

    @TempDir
    Path dir;

    @Test
    void onlyTheAdapterTrainsAndOnlyItIsCheckpointed() throws Exception {
        try (LlamaModel model = loraModel()) {
            Map<String, float[]> base = snapshot(model.weights());
            Map<String, float[]> adapterBefore = snapshot(model.trainableWeights());
            RunFolder folder = new RunFolder(dir.resolve("run"));
            long steps = IterationTraining.train(1, model, objective(model), CONFIG, folder, new TrainingListener() { },
                    new Cancellation());
            assertEquals(4, steps);

            assertEquals(base.keySet(), snapshot(model.weights()).keySet());
            snapshot(model.weights()).forEach((name, values) -> assertArrayEquals(base.get(name), values, name));
            for (NDArray weight : model.weights().values()) {
                assertFalse(weight.hasGradient(), weight.getName() + " was given a gradient");
            }
            Map<String, float[]> adapterAfter = snapshot(model.trainableWeights());
            String someB = "base_model.model.model.layers.1.mlp.down_proj.lora_B.weight";
            assertTrue(maxAbs(adapterBefore.get(someB)) == 0 && maxAbs(adapterAfter.get(someB)) > 1e-4,
                    "B starts at zero and trains");

            Path state = folder.latestState(1).orElseThrow();
            Set<String> adapterNames = model.trainableWeights().keySet();
            try (SafetensorsCheckpoint weights = SafetensorsCheckpoint.openFile(state.resolve(TrainingState.WEIGHTS));
                 SafetensorsCheckpoint moments = SafetensorsCheckpoint.openFile(state.resolve(TrainingState.OPTIMIZER))) {
                assertEquals(adapterNames, new TreeSet<>(weights.names()));
                Set<String> expected = new TreeSet<>();
                adapterNames.forEach(name -> {
                    expected.add(AdamW.EXP_AVG + name);
                    expected.add(AdamW.EXP_AVG_SQ + name);
                });
                Set<String> stored = new TreeSet<>(moments.names());
                stored.remove(AdamW.STEP);
                assertEquals(expected, stored);
            }
        }
    }

    @Test
    void aResumedRunEndsWithTheAdapterOfAnUninterruptedOne() throws Exception {
        Map<String, float[]> uninterrupted;
        try (LlamaModel model = loraModel()) {
            IterationTraining.train(1, model, objective(model), CONFIG, new RunFolder(dir.resolve("whole")),
                    new TrainingListener() { }, new Cancellation());
            uninterrupted = snapshot(model.trainableWeights());
        }
        RunFolder folder = new RunFolder(dir.resolve("stopped"));
        try (LlamaModel model = loraModel()) {
            Cancellation cancellation = new Cancellation();
            TrainingListener stopAfterTwo = new TrainingListener() {
                @Override
                public void stepMetrics(int iteration, long step, Map<String, Double> metrics) {
                    if (step == 2) {
                        cancellation.request();
                    }
                }
            };
            assertThrows(RunCancelledException.class, () ->
                    IterationTraining.train(1, model, objective(model), CONFIG, folder, stopAfterTwo, cancellation));
        }
        assertEquals(2, RunFolder.stepOf(folder.latestState(1).orElseThrow()));
        try (LlamaModel model = loraModel()) {
            IterationTraining.train(1, model, objective(model), CONFIG, folder, new TrainingListener() { },
                    new Cancellation());
            Map<String, float[]> resumed = snapshot(model.trainableWeights());
            uninterrupted.forEach((name, values) -> assertArrayEquals(values, resumed.get(name), name));
        }
    }

    /** The tiny Llama with a fresh adapter: B zero, so it starts as the base. */
    private static LlamaModel loraModel() {
        LlamaModel model = TrainingModels.create(5, DataType.FLOAT32);
        model.attach(LoraAdapter.initial(LORA, model.config(), model.manager(), 11));
        return model;
    }

    /** Four real/synthetic pairs, reference log-probs from the starting model, as an iteration scores them. */
    private static TrainingObjective objective(LlamaModel model) {
        List<ScoredPair> pairs = new ArrayList<>();
        Scorer scorer = new Scorer(model, 0);
        for (int i = 0; i < 4; i++) {
            int[] prompt = {1, 10 + i, 20 + i};
            int[] real = {30 + i, 40, 2};
            int[] synthetic = {50 + i, 60 + i, 70, 2};
            double[] reference = scorer.score(List.of(prompt, prompt), List.of(real, synthetic));
            pairs.add(ScoredPair.unscored(new ScoredPair.Place(false, i), new ScoredPair.Texts("p" + i, "r", "s"), prompt,
                    real, synthetic).withReference(reference[0], reference[1]));
        }
        return new SpinObjective(scorer, pairs, new SpinLoss(SpinLossKind.SIGMOID, 0.1, model.manager()), 0.1, 0);
    }

    private static Map<String, float[]> snapshot(Map<String, NDArray> tensors) {
        Map<String, float[]> copy = new TreeMap<>();
        tensors.forEach((name, tensor) -> copy.put(name, tensor.toFloatArray()));
        return copy;
    }

    private static double maxAbs(float[] values) {
        double max = 0;
        for (float value : values) {
            max = Math.max(max, Math.abs(value));
        }
        return max;
    }
}
