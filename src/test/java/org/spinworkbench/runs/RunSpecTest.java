package org.spinworkbench.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.spinworkbench.train.TrainingConfig;

class RunSpecTest {
    private static final TrainingConfig TRAINING = TrainingConfig.builder().optIterations(2).build();

    @Test
    void theBuilderFillsTheDefaultsAndKeepsEveryFieldThroughJsonAndToBuilder() {
        RunSpec spec = RunSpec.builder().setProject("P").setBaseModel("/m").setDataset("/d.jsonl")
                .setTraining(TRAINING).build();
        assertEquals(new RunSpec("P", "/m", "/d.jsonl", null, null, RunSpec.DEFAULT_EVAL_FRACTION, 0, false,
                TRAINING, null), spec);

        RunSpec full = spec.toBuilder().optDatasetFormat("ALPACA").optEvalDataset("/e.jsonl").optEvalFraction(0.3)
                .optEvalSize(7).optSkipBadRows(true).optAccuracyData("/q.jsonl").build();
        assertEquals(new RunSpec("P", "/m", "/d.jsonl", "ALPACA", "/e.jsonl", 0.3, 7, true, TRAINING, "/q.jsonl"),
                full);
        assertEquals(full, full.toBuilder().build());
        assertEquals(full, RunSpec.fromJson(full.toJson()));
    }

    @Test
    void aSpecWithoutItsRequiredPartsIsRefused() {
        RunSpec.Builder noTraining = RunSpec.builder().setProject("P").setBaseModel("/m").setDataset("/d.jsonl");
        IllegalStateException refused = assertThrows(IllegalStateException.class, noTraining::build);
        assertEquals("A run spec needs a project, a base model, a dataset and training settings.",
                refused.getMessage());
        assertThrows(IllegalStateException.class, () -> RunSpec.builder().setProject("P").setTraining(TRAINING)
                .build());
    }
}
