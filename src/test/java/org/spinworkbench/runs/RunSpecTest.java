package org.spinworkbench.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spinworkbench.train.TrainingConfig;

class RunSpecTest {
    private static final TrainingConfig TRAINING = TrainingConfig.builder().optIterations(2).build();

    @Test
    void theBuilderFillsTheDefaultsAndKeepsEveryFieldThroughJsonAndToBuilder() {
        RunSpec spec = RunSpec.builder().setProject("P").setBaseModel("/m").setDataset("/d.jsonl")
                .setTraining(TRAINING).build();
        assertEquals(List.of("P", "/m", "/d.jsonl", TRAINING), List.of(spec.project(), spec.baseModel(), spec.dataset(),
                spec.training()));
        assertNull(spec.datasetFormat(), "detected from the file");
        assertNull(spec.evalDataset());
        assertNull(spec.accuracyData());
        assertEquals(RunSpec.DEFAULT_EVAL_FRACTION, spec.evalFraction());
        assertEquals(0, spec.evalSize());
        assertFalse(spec.skipBadRows());

        RunSpec full = spec.toBuilder().optDatasetFormat("ALPACA").optEvalDataset("/e.jsonl").optEvalFraction(0.3)
                .optEvalSize(7).optSkipBadRows(true).optAccuracyData("/q.jsonl").build();
        assertEquals(List.of("ALPACA", "/e.jsonl", 0.3, 7, true, "/q.jsonl"), List.of(full.datasetFormat(),
                full.evalDataset(), full.evalFraction(), full.evalSize(), full.skipBadRows(), full.accuracyData()));
        assertEquals(List.of("P", "/m", "/d.jsonl", TRAINING), List.of(full.project(), full.baseModel(), full.dataset(),
                full.training()));
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
