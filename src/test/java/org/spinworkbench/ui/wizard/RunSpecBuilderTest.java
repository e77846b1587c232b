package org.spinworkbench.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.spinworkbench.data.DatasetFormat;
import org.spinworkbench.data.ProblemPolicy;
import org.spinworkbench.runs.RunSpec;
import org.spinworkbench.train.TrainingConfig;

/** The run the wizard starts: one way of choosing evaluation examples, absolute paths, the format read. */
class RunSpecBuilderTest {
    private static final Path MODEL = Path.of("models", "..", "models", "tiny");
    private static final Path DATA = Path.of("data", "train.jsonl");
    private final TrainingConfig training = TrainingConfig.spinDefaults();

    @Test
    void aHeldOutShareKeepsTheShareAndNoSize() {
        RunSpec spec = RunSpecBuilder.build("Maths", MODEL, choice(SplitChoice.FRACTION, 0.25, 7, ProblemPolicy.STOP),
                training);
        assertEquals("Maths", spec.project());
        assertEquals(Path.of("models", "tiny").toAbsolutePath().toString(), spec.baseModel());
        assertEquals(DATA.toAbsolutePath().toString(), spec.dataset());
        assertEquals("PROMPT_RESPONSE", spec.datasetFormat());
        assertNull(spec.evalDataset());
        assertEquals(0.25, spec.evalFraction());
        assertEquals(0, spec.evalSize());
        assertFalse(spec.skipBadRows());
        assertEquals(training, spec.training());
        assertNull(spec.accuracyData());
        assertEquals(spec, RunSpec.fromJson(spec.toJson()));
    }

    @Test
    void aHeldOutNumberKeepsTheNumber() {
        RunSpec spec = RunSpecBuilder.build("Maths", MODEL, choice(SplitChoice.SIZE, 0.25, 7, ProblemPolicy.SKIP),
                training);
        assertEquals(7, spec.evalSize());
        assertEquals(RunSpec.DEFAULT_EVAL_FRACTION, spec.evalFraction());
        assertTrue(spec.skipBadRows());
    }

    @Test
    void anEvaluationFileHoldsNothingOut() {
        DataChoice data = DataChoice.of(DATA, DatasetFormat.ALPACA, new DataChoice.HeldOut(SplitChoice.EVAL_FILE,
                Path.of("data", "test.jsonl"), 0.25, 7), ProblemPolicy.STOP, false, Path.of("data", "test.jsonl"));
        RunSpec spec = RunSpecBuilder.build("Maths", MODEL, data, training);
        assertEquals(Path.of("data", "test.jsonl").toAbsolutePath().toString(), spec.evalDataset());
        assertEquals(0, spec.evalSize());
        assertEquals("ALPACA", spec.datasetFormat());
        assertEquals(Path.of("data", "test.jsonl").toAbsolutePath().toString(), spec.accuracyData());
    }

    @Test
    void theTemplateChoiceMustAgree() {
        DataChoice raw = DataChoice.of(DATA, DatasetFormat.PROMPT_RESPONSE,
                new DataChoice.HeldOut(SplitChoice.FRACTION, null, 0.1, 0), ProblemPolicy.STOP, true, null);
        assertThrows(IllegalArgumentException.class, () -> RunSpecBuilder.build("Maths", MODEL, raw, training));
        assertTrue(RunSpecBuilder.build("Maths", MODEL, raw, training.forEvaluation(training.batchSize(), true))
                .training().raw());
    }

    private static DataChoice choice(SplitChoice split, double fraction, int size, ProblemPolicy policy) {
        return DataChoice.of(DATA, DatasetFormat.PROMPT_RESPONSE, new DataChoice.HeldOut(split, null, fraction, size),
                policy, false, null);
    }
}
