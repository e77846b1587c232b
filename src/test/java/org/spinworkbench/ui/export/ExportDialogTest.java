package org.spinworkbench.ui.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.data.DatasetFormat;
import org.spinworkbench.data.DatasetReader;
import org.spinworkbench.data.Example;
import org.spinworkbench.data.LoadedDataset;
import org.spinworkbench.data.ProblemPolicy;
import org.spinworkbench.lm.ChatMessage;
import org.spinworkbench.lm.GeneratedTokens;
import org.spinworkbench.lm.Generator;
import org.spinworkbench.lm.SamplingOptions;
import org.spinworkbench.lm.Scorer;
import org.spinworkbench.lm.hf.PretrainedModel;
import org.spinworkbench.runs.RunOutcome;
import org.spinworkbench.runs.TinyRuns;
import org.spinworkbench.store.Sample;
import org.spinworkbench.store.Split;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.ui.common.CurrentThreadTaskExecutor;
import org.spinworkbench.ui.common.Messages;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The export dialog in a real window on a real two-iteration tiny run: what it writes is read
 * back by the workbench's own loaders and must behave exactly like what the run saved.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ExportDialogTest extends FxRobot {
    private static final List<String> PROMPTS = List.of("1+4=", "7+10=", "12+15=");

    @TempDir
    static Path shared;
    static Workspace workspace;
    static RunOutcome run;

    @TempDir
    Path dir;

    private final Messages messages = Messages.forLocale(Locale.ENGLISH);

    @BeforeAll
    static void completeARun() throws IOException {
        workspace = Workspace.open(shared.resolve("ws"));
        run = TinyRuns.completedRun(workspace, shared, 2);
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
    }

    @Start
    void start(Stage owner) {
        owner.setScene(new Scene(new StackPane(), 300, 200));
        owner.show();
        new ExportDialog(owner, workspace, new CurrentThreadTaskExecutor(), messages, run.runId(), Device.cpu()).show();
    }

    @AfterEach
    void closeWindows() throws TimeoutException {
        FxToolkit.cleanupStages();
    }

    @Test
    void anExportedCheckpointGeneratesAndScoresExactlyAsTheRunsOwn() throws Exception {
        waitUntil(() -> !lookup("#exportIteration").queryComboBox().getItems().isEmpty());
        ComboBox<ExportableIteration> iterations = lookup("#exportIteration").queryComboBox();
        interact(() -> iterations.getSelectionModel().select(0));
        Path folder = dir.resolve("exported-iteration-1");
        type("#exportModelFolder", folder.toString());

        clickOn("#exportModelButton");
        waitUntil(() -> text("#exportMessage").startsWith("The model of iteration 1 was written"));

        assertEquals("The model of iteration 1 was written to " + folder + " (F32).", text("#exportMessage"));
        assertFalse(lookup("#exportClose").queryButton().isDisabled());
        Path own = run.iterations().get(0).checkpoint();
        Behaviour expected = behaviour(own);
        Behaviour exported = behaviour(folder);
        for (int i = 0; i < PROMPTS.size(); i++) {
            assertArrayEquals(expected.greedy().get(i), exported.greedy().get(i), PROMPTS.get(i));
        }
        assertArrayEquals(expected.scores(), exported.scores(), 0.0, "F32 weights are written bit for bit");
    }

    @Test
    void exportedPairsReadBackAsTheSpinLayoutWithTheRecordedTexts() throws Exception {
        waitUntil(() -> !lookup("#exportIteration").queryComboBox().getItems().isEmpty());
        Path file = dir.resolve("pairs.jsonl");
        type("#exportDatasetFile", file.toString());

        clickOn("#exportDatasetButton");
        waitUntil(() -> text("#exportMessage").contains("were written to"));

        long iterationId = workspace.iterations().find(run.runId(), 2).orElseThrow().id();
        List<Sample> samples = workspace.samples().list(iterationId, Split.TRAIN);
        LoadedDataset read = DatasetReader.read(file, null, ProblemPolicy.STOP);
        assertEquals(DatasetFormat.SPIN, read.format());
        assertEquals(samples.size(), read.examples().size());
        for (int i = 0; i < samples.size(); i++) {
            Example example = read.examples().get(i);
            assertEquals(List.of(ChatMessage.user(samples.get(i).prompt())), example.prompt());
            assertEquals(samples.get(i).realResponse(), example.realResponse());
            assertEquals(samples.get(i).syntheticResponse(), example.generatedResponse());
        }
    }

    @Test
    void aFolderWithFilesIsKeptWhenTheUserSaysSo() throws Exception {
        waitUntil(() -> !lookup("#exportIteration").queryComboBox().getItems().isEmpty());
        Path folder = Files.createDirectories(dir.resolve("someone-elses"));
        Files.writeString(folder.resolve("keep-me.txt"), "precious");
        type("#exportModelFolder", folder.toString());

        clickOn("#exportModelButton");
        waitUntil(() -> lookup("#exportReplaceConfirmation").tryQuery().isPresent());
        assertTrue(lookup("#exportModelButton").queryButton().isDisabled(), "no second export meanwhile");
        clickOn("#exportReplaceKeep");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("Nothing was written: the existing files are kept.", text("#exportMessage"));
        assertEquals(List.of(folder.resolve("keep-me.txt")), Files.list(folder).toList());
        assertFalse(lookup("#exportModelButton").queryButton().isDisabled());
    }

    /** What a model does with {@link #PROMPTS}: its greedy continuations and their log-probs. */
    private record Behaviour(List<int[]> greedy, double[] scores) {
    }

    private static Behaviour behaviour(Path folder) {
        try (PretrainedModel model = PretrainedModel.load(folder, Device.cpu())) {
            List<int[]> prompts = new ArrayList<>();
            for (String prompt : PROMPTS) {
                prompts.add(model.promptTokens(prompt, true));
            }
            List<int[]> greedy = new Generator(model.network(), model.eosTokenIds(), model.padTokenId())
                    .generate(prompts, SamplingOptions.greedy(6).withoutEosStop(), 0).stream()
                    .map(GeneratedTokens::tokens).toList();
            double[] scores = new Scorer(model.network(), model.padTokenId()).score(prompts, greedy);
            return new Behaviour(greedy, scores);
        }
    }

    @Test
    void aCompletedRunOffersNoIterationForAClusterJob() throws Exception {
        waitUntil(() -> !lookup("#exportIteration").queryComboBox().getItems().isEmpty());
        clickOn("#exportJobButton");
        waitUntil(() -> lookup("#jobHeading").tryQuery().isPresent() && !text("#jobHeading").isEmpty());

        assertEquals("Run " + run.runId() + " has no iteration left to hand off.", text("#jobHeading"));
        assertTrue(lookup("#jobStart").queryButton().isDisabled());
    }

    private void type(String id, String text) {
        TextField field = lookup(id).query();
        interact(() -> field.setText(text));
    }

    private String text(String id) {
        return lookup(id).queryAs(Labeled.class).getText();
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
