package org.spinworkbench.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.data.DatasetFormat;
import org.spinworkbench.data.ProblemPolicy;
import org.spinworkbench.runs.RunSpec;
import org.spinworkbench.runs.TinyRuns;
import org.spinworkbench.train.TrainingConfig;
import org.spinworkbench.ui.common.CurrentThreadTaskExecutor;
import org.spinworkbench.ui.common.Messages;

/** The data step on real files and the tiny model's real chat template. */
class DatasetStepViewModelTest {
    @TempDir
    Path dir;

    private final SimpleObjectProperty<ModelSummary> model = new SimpleObjectProperty<>();
    private DatasetStepViewModel data;

    @BeforeEach
    void chooseTheTinyModel() throws Exception {
        data = new DatasetStepViewModel(new CurrentThreadTaskExecutor(), Messages.forLocale(Locale.ENGLISH),
                new DatasetInspector(), model, () -> Path.of("sample-data", "demo-tasks"));
        model.set(new ModelInspector().inspect(TinyRuns.model(dir)));
    }

    @Test
    void badLinesAreListedWithTheirLineNumbersAndStopBlocksTheRun() throws Exception {
        choose(WizardFiles.jsonlWithBadLines(dir));
        assertEquals(2, data.problems().size(), data.problems().toString());
        assertTrue(data.problems().get(0).startsWith("line 2: "), data.problems().toString());
        assertTrue(data.problems().get(1).startsWith("line 4: "), data.problems().toString());
        assertEquals(ProblemPolicy.STOP, data.policyProperty().get());
        assertFalse(data.validProperty().get());
        assertTrue(data.errorProperty().get().startsWith("2 rows are not usable, and a run would stop at the first"
                + " (line 2: "), data.errorProperty().get());

        data.policyProperty().set(ProblemPolicy.SKIP);
        assertTrue(data.validProperty().get(), data.errorProperty().get());
        assertEquals("", data.errorProperty().get());
        assertEquals("9 training and 1 held-out examples", data.splitTextProperty().get());
        // the policy is Stop: nothing is said to be skipped, only what is usable
        assertEquals("with-bad-lines.jsonl (prompt/response): 10 of 12 rows usable", data.summaryProperty().get());
        assertEquals(ProblemPolicy.SKIP, data.choice().policy());
    }

    @Test
    void thePreviewIsTheExactTextTrainingSees() throws Exception {
        choose(TinyRuns.data(dir));
        assertTrue(data.validProperty().get(), data.errorProperty().get());
        assertEquals(DatasetInspector.PREVIEW_ROWS, data.preview().size());
        PreviewRow first = data.preview().get(0);
        assertEquals(1, first.row());
        assertEquals("<|im_start|>user\n0+3=<|im_end|>\n<|im_start|>assistant\n3<|im_end|>\n", first.text());

        data.rawProperty().set(true);
        assertEquals("0+3=3", data.preview().get(0).text());
        assertTrue(data.choice().raw());
    }

    @Test
    void theFormatIsDetectedOrNamed() throws Exception {
        choose(WizardFiles.csv(dir));
        assertEquals(DatasetFormat.PROMPT_RESPONSE, data.checkProperty().get().train().format());
        assertEquals(DatasetFormat.PROMPT_RESPONSE, data.choice().format());
        assertEquals(5, data.checkProperty().get().train().examples().size());

        data.formatProperty().set(DatasetFormat.ALPACA);
        assertFalse(data.validProperty().get());
        assertTrue(data.errorProperty().get().contains("none of the 5 rows is usable as Alpaca data"),
                data.errorProperty().get());
    }

    @Test
    void theSplitCountsFollowTheChoice() throws Exception {
        choose(TinyRuns.data(dir));
        assertEquals("11 training and 1 held-out examples", data.splitTextProperty().get());
        data.fractionProperty().set("0.25");
        assertEquals("9 training and 3 held-out examples", data.splitTextProperty().get());
        data.fractionProperty().set("a quarter");
        assertFalse(data.validProperty().get());
        assertEquals("The share held out must be a number between 0 and 1, such as 0.1.", data.errorProperty().get());
        data.fractionProperty().set("1.5");
        assertTrue(data.errorProperty().get().contains("between 0 and 1"), data.errorProperty().get());

        data.splitProperty().set(SplitChoice.SIZE);
        data.sizeProperty().set("5");
        assertEquals("7 training and 5 held-out examples", data.splitTextProperty().get());
        data.sizeProperty().set("12");
        assertFalse(data.validProperty().get());
        assertTrue(data.errorProperty().get().contains("fewer than all 12"), data.errorProperty().get());
        data.sizeProperty().set("4");
        assertEquals(4, data.choice().evalSize());

        data.splitProperty().set(SplitChoice.EVAL_FILE);
        assertFalse(data.validProperty().get());
        assertEquals("Choose the evaluation file.", data.errorProperty().get());
        data.evalFileProperty().set(WizardFiles.csv(dir).toString());
        data.check();
        assertTrue(data.validProperty().get(), data.errorProperty().get());
        assertEquals("12 training and 5 held-out examples", data.splitTextProperty().get());
        assertEquals(dir.resolve("pairs.csv"), data.choice().evalDataset());
    }

    @Test
    void aMissingOrEmptyFileIsNamed() throws Exception {
        data.check();
        assertEquals("Choose the training data file.", data.errorProperty().get());
        choose(dir.resolve("nothing.jsonl"));
        assertEquals("nothing.jsonl: no such file", data.errorProperty().get());
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
        choose(empty);
        assertEquals("empty.jsonl: the file has no rows", data.errorProperty().get());
        assertFalse(data.validProperty().get());
    }

    @Test
    void editingThePathForgetsWhatWasRead() throws Exception {
        choose(TinyRuns.data(dir));
        assertTrue(data.validProperty().get());
        data.dataFileProperty().set(data.dataFileProperty().get() + "x");
        assertFalse(data.validProperty().get());
        assertEquals(List.of(), data.preview());
    }

    @Test
    void theBundledDemoTasksTrainOnTheirTrainingFileAndEvaluateOnTheirTestFile() {
        data.useDemoTasks();
        assertEquals(SplitChoice.EVAL_FILE, data.splitProperty().get());
        assertTrue(data.validProperty().get(), data.errorProperty().get());
        assertTrue(data.choice().dataset().endsWith(Path.of("demo-tasks", "train.jsonl")));
        assertTrue(data.choice().evalDataset().endsWith(Path.of("demo-tasks", "test.jsonl")));
        assertTrue(data.choice().accuracyData().endsWith(Path.of("demo-tasks", "test.jsonl")));
        int questions = data.checkProperty().get().accuracyQuestions();
        assertTrue(questions > 10, "questions: " + questions);
        assertTrue(data.summaryProperty().get().endsWith("\n" + questions + " questions with checkable answers from"
                + " test.jsonl"), data.summaryProperty().get());
    }

    @Test
    void anotherFileIsReadInItsOwnFormatNotTheLastRunsOne() throws Exception {
        Path alpaca = Files.writeString(dir.resolve("alpaca.json"),
                "[{\"instruction\": \"Add\", \"input\": \"2+2\", \"output\": \"4\"},"
                        + " {\"instruction\": \"Add\", \"input\": \"1+1\", \"output\": \"2\"}]");
        data.startFrom(previous(alpaca, "ALPACA", false, TinyRuns.config(1, 0)));
        data.check();
        assertEquals(DatasetFormat.ALPACA, data.formatProperty().get());
        assertTrue(data.validProperty().get(), data.errorProperty().get());

        data.useDemoTasks();
        assertEquals(null, data.formatProperty().get(), "told from the rows again");
        assertTrue(data.validProperty().get(), data.errorProperty().get());
        assertEquals(DatasetFormat.PROMPT_RESPONSE, data.choice().format());
    }

    @Test
    void anAccuracyFileWithoutCheckableAnswersIsRefused() throws Exception {
        data.accuracyFileProperty().set(TinyRuns.data(dir).toString()); // prompts and responses, no tasks
        choose(TinyRuns.data(dir));
        assertFalse(data.validProperty().get());
        assertTrue(data.errorProperty().get().startsWith("sums.jsonl line 1: "), data.errorProperty().get());
        data.accuracyFileProperty().set("");
        data.check();
        assertTrue(data.validProperty().get(), data.errorProperty().get());
        assertEquals(null, data.choice().accuracyData());
    }

    @Test
    void anEarlierRunsChoicesAreTakenOver() throws Exception {
        Path csv = WizardFiles.csv(dir);
        data.startFrom(previous(csv, "PROMPT_RESPONSE", true, TinyRuns.config(1, 0)));
        data.check();
        assertEquals(ProblemPolicy.SKIP, data.policyProperty().get());
        assertEquals(DatasetFormat.PROMPT_RESPONSE, data.formatProperty().get());
        assertEquals("0.5", data.fractionProperty().get());
        assertTrue(data.validProperty().get(), data.errorProperty().get());
        assertEquals(csv, data.choice().dataset());
    }

    @Test
    void bosAndPromptTurnChoicesAreTakenOverAndGoIntoTheRun() throws Exception {
        Path csv = WizardFiles.csv(dir);
        var base = TinyRuns.config(1, 0);
        var reference = base.toBuilder()
                .optFormat(new org.spinworkbench.train.PromptFormat(org.spinworkbench.lm.hf.BosPolicy.TEMPLATE,
                        org.spinworkbench.data.PromptTurns.FIRST_TURN))
                .build();
        data.startFrom(previous(csv, "PROMPT_RESPONSE", true, reference));
        data.check();

        assertEquals(org.spinworkbench.lm.hf.BosPolicy.TEMPLATE, data.bosProperty().get());
        assertEquals(org.spinworkbench.data.PromptTurns.FIRST_TURN, data.turnsProperty().get());
        assertEquals(reference.format(), data.promptFormat());
        assertTrue(data.validProperty().get(), data.errorProperty().get());
    }

    private void choose(Path file) {
        data.dataFileProperty().set(file.toString());
        data.check();
    }

    /** The spec of a project's previous run on {@code dataset}, half of it held out. */
    private static RunSpec previous(Path dataset, String format, boolean skipBadRows, TrainingConfig training) {
        return RunSpec.builder().setProject("P").setBaseModel("m").setDataset(dataset.toString()).setTraining(training)
                .optDatasetFormat(format).optEvalFraction(0.5).optSkipBadRows(skipBadRows).build();
    }
}
