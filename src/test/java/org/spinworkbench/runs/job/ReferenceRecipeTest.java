package org.spinworkbench.runs.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spinworkbench.train.SpinLossKind;
import org.spinworkbench.train.TrainingConfig;
import org.yaml.snakeyaml.Yaml;

/** The recipe as the reference's YAML 1.1 parser reads it, and what it says it cannot carry. */
class ReferenceRecipeTest {
    @Test
    void everyValueReadsBackAsTheSameTypeAndNumber() {
        TrainingConfig config = TrainingConfig.builder().optLearningRate(5e-7).optWarmupRatio(0.1).optBeta(0.1)
                .optBatchSize(8).optSchedule(TrainingConfig.Schedule.CONSTANT).optSaveSteps(50).build();
        ReferenceRecipe recipe = ReferenceRecipe.of(config, 2, 8, true);

        Map<String, Object> read = new Yaml().load(recipe.yaml());

        assertEquals(recipe.values().keySet(), read.keySet());
        assertEquals(5e-7, read.get("learning_rate"), "1e-7 style would reach the trainer as a string");
        assertEquals("constant_with_warmup", read.get("lr_scheduler_type"));
        assertEquals(1, read.get("per_device_train_batch_size"));
        assertEquals("steps", read.get("save_strategy"));
        assertEquals(50, read.get("save_steps"));
        assertEquals(Map.of("data-previous", 1.0, "data", 1.0), read.get("dataset_mixer"));
        assertEquals("0.0000005", ReferenceRecipe.decimal(5e-7));
        assertEquals("1.0", ReferenceRecipe.decimal(1));
        assertEquals("\"a \\\"b\\\"\\n\"", ReferenceRecipe.scalar("a \"b\"\n"));
    }

    @Test
    void settingsTheReferenceCannotTakeAreListedInBold() {
        TrainingConfig config = TrainingConfig.builder().optLoss(SpinLossKind.HINGE).optNllAlpha(0.5).optBatchSize(6)
                .build();
        List<String> unmapped = ReferenceRecipe.of(config, 1, 4, false).unmapped();

        assertTrue(unmapped.contains("**Loss: this run uses hinge, which the reference cannot be told (`run_spin.py`"
                + " does not pass `loss_type`); the job trains with the sigmoid loss.**"), unmapped.toString());
        assertTrue(unmapped.contains("**NLL term (α 0.5): the reference has none; the job trains the paper's SPIN loss"
                + " alone.**"), unmapped.toString());
        assertTrue(unmapped.contains("Batch size 6 does not divide among 4 GPUs: each GPU takes 6, so one optimiser"
                + " step sees 24 pairs (times gradient accumulation) instead of 6."), unmapped.toString());
    }
}
