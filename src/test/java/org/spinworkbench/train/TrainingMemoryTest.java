package org.spinworkbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spinworkbench.lm.LlamaModel;

/**
 * DJL_NOTES.md traps 5, 9 and 10 together: 30 steps of forward, backward, clipping and AdamW
 * must leave the model's manager (which counts its sub-managers, the optimiser state among
 * them) with exactly as many arrays as after the first step. Counted with
 * {@code NDManager.getManagedArrays()}, exact, rather than resident memory.
 */
class TrainingMemoryTest {

    @ParameterizedTest(name = "gradient checkpointing {0}")
    @ValueSource(booleans = {false, true})
    void thirtyTrainingStepsLeaveNoArraysBehind(boolean checkpointing) {
        SpinBatch batch = SpinBatch.sample();
        LearningRateSchedule schedule = LearningRateSchedule.linear(1e-3, 3, 30);
        try (LlamaModel model = TrainingModels.create(8, DataType.FLOAT32);
             SpinLoss loss = new SpinLoss(SpinLossKind.SIGMOID, 0.1, model.manager())) {
            float[][] reference = batch.referenceLogProbs(model);
            TrainingModels.requireGradients(model);
            model.setGradientCheckpointing(checkpointing);
            int weights = model.weights().size();
            int withoutOptimiser = model.manager().getManagedArrays().size(); // weights, model and loss constants
            try (AdamW adamW = new AdamW(model.weights(), 0.01, 0.9, 0.999, 1e-8)) {
                int beforeTraining = model.manager().getManagedArrays().size();
                assertEquals(withoutOptimiser + 2 * weights, beforeTraining, "two moments per weight");
                List<Integer> counts = new ArrayList<>();
                for (int step = 0; step < 30; step++) {
                    AdamWTest.trainingStep(model, loss, batch, reference, adamW, schedule);
                    counts.add(model.manager().getManagedArrays().size());
                }
                assertTrue(counts.stream().allMatch(count -> count == beforeTraining), "arrays per step: " + counts);
                assertEquals(30, adamW.stepCount());
            }
            assertEquals(withoutOptimiser, model.manager().getManagedArrays().size(), "closing AdamW frees its moments");
        }
    }
}
