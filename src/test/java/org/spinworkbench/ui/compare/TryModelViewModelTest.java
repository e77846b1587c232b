package org.spinworkbench.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.lm.SamplingOptions;
import org.spinworkbench.lm.hf.PretrainedModel;
import org.spinworkbench.lm.hf.TextGenerator;
import org.spinworkbench.runs.ModelTrial;
import org.spinworkbench.runs.TinyRuns;
import org.spinworkbench.runs.TrialSettings;
import org.spinworkbench.store.Run;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.ui.common.Messages;

/** "Try the model" on the checkpoints of a real two-iteration tiny run, every thread being the test's own. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TryModelViewModelTest {
    private static final String PROMPT = "4+7=";

    private Path folder;
    private Workspace workspace;
    private Run run;
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private final AtomicInteger loads = new AtomicInteger();

    @BeforeAll
    void recordARun(@TempDir Path shared) throws Exception {
        folder = shared;
        workspace = Workspace.open(folder.resolve("workspace"));
        long runId = TinyRuns.completedRun(workspace, folder, 2).runId();
        run = workspace.runs().findById(runId).orElseThrow();
    }

    @AfterAll
    void closeWorkspace() {
        workspace.close();
    }

    private ModelTrial trial() {
        return new ModelTrial(iteration -> ModelTrial.modelFolder(workspace, run, iteration), () -> {
            loads.incrementAndGet();
            return Device.cpu();
        }, () -> TrialSettings.of(run));
    }

    private TryModelViewModel viewModel(ModelTrial trial) {
        TryModelViewModel viewModel = new TryModelViewModel(trial, messages, Runnable::run, Runnable::run);
        viewModel.useDefaults(TrialSettings.of(run));
        return viewModel;
    }

    private String expectedGreedy(int iteration) {
        try (PretrainedModel model = PretrainedModel.load(ModelTrial.modelFolder(workspace, run, iteration),
                Device.cpu())) {
            return new TextGenerator(model).generate(List.of(PROMPT), false, SamplingOptions.greedy(6), 1, n -> { })
                    .get(0).text();
        }
    }

    @Test
    void generatesGreedilyWithTheChosenIterationsModelThroughTheRunsTemplate() {
        loads.set(0);
        ModelTrial trial = trial();
        TryModelViewModel viewModel = viewModel(trial);
        assertEquals(6, viewModel.maxNewTokensProperty().get(), "the run's max new tokens by default");
        assertEquals(0.0, viewModel.temperatureProperty().get(), "greedy by default");
        assertFalse(viewModel.canGenerateProperty().get(), "nothing typed yet");

        viewModel.setIteration(2);
        viewModel.promptProperty().set(PROMPT);
        assertTrue(viewModel.canGenerateProperty().get());
        viewModel.generate();

        assertEquals("", viewModel.errorProperty().get());
        assertEquals(expectedGreedy(2), viewModel.outputProperty().get());
        assertFalse(viewModel.busyProperty().get());
        assertTrue(viewModel.statusProperty().get().contains("from the model of iteration 2"),
                viewModel.statusProperty().get());
        assertTrue(trial.isLoaded(2));

        viewModel.generate();
        assertEquals(1, loads.get(), "the model is loaded once per iteration");

        viewModel.setIteration(1);
        assertFalse(trial.isLoaded(2), "changing the iteration frees the model");
        viewModel.generate();
        assertEquals(expectedGreedy(1), viewModel.outputProperty().get());
        assertEquals(2, loads.get());

        viewModel.close();
        assertFalse(trial.isLoaded(1), "closing frees the model");
    }

    @Test
    void theBaseModelAnswersBesideTheIterationAndStaysLoadedAcrossIterations() {
        loads.set(0);
        ModelTrial trial = trial();
        TryModelViewModel viewModel = viewModel(trial);
        viewModel.setIteration(2);
        viewModel.promptProperty().set(PROMPT);
        viewModel.withBaseProperty().set(true);
        viewModel.generate();

        assertEquals("", viewModel.errorProperty().get());
        assertEquals(expectedGreedy(2), viewModel.outputProperty().get());
        assertEquals(expectedGreedy(ModelTrial.BASE_MODEL), viewModel.baseOutputProperty().get());
        assertTrue(viewModel.statusProperty().get().contains("from the model of iteration 2 and")
                && viewModel.statusProperty().get().contains("from the base model"), viewModel.statusProperty().get());
        assertTrue(trial.isLoaded(2) && trial.isLoaded(ModelTrial.BASE_MODEL));

        viewModel.setIteration(1);
        assertTrue(trial.isLoaded(ModelTrial.BASE_MODEL), "the base model is kept to answer beside the next one");
        viewModel.generate();
        assertEquals(expectedGreedy(1), viewModel.outputProperty().get());
        assertEquals(3, loads.get(), "iteration 2, the base model, iteration 1: the base model loaded once");

        viewModel.withBaseProperty().set(false);
        viewModel.generate();
        assertEquals("", viewModel.baseOutputProperty().get());
        viewModel.close();
        assertFalse(trial.isLoaded(ModelTrial.BASE_MODEL));
    }

    @Test
    void samplingWithATemperatureIsSeededAndRepeatable() {
        TryModelViewModel viewModel = viewModel(trial());
        viewModel.setIteration(2);
        viewModel.promptProperty().set(PROMPT);
        viewModel.temperatureProperty().set(1.5);
        viewModel.maxNewTokensProperty().set(12);
        viewModel.generate();
        String first = viewModel.outputProperty().get();
        viewModel.generate();
        assertEquals(first, viewModel.outputProperty().get());
        assertEquals("", viewModel.errorProperty().get());
        assertTrue(viewModel.statusProperty().get().contains("from the model of iteration 2"),
                viewModel.statusProperty().get());
        viewModel.close();
    }

    @Test
    void anIterationWithoutASavedModelGetsAReadableError() {
        TryModelViewModel viewModel = viewModel(trial());
        viewModel.setIteration(3);
        viewModel.promptProperty().set(PROMPT);
        viewModel.generate();

        assertEquals("Iteration 3 has no saved model: the run stopped before finishing it, or is still training it.",
                viewModel.errorProperty().get());
        assertEquals("", viewModel.outputProperty().get());
        assertFalse(viewModel.busyProperty().get(), "it can try again");
    }

    @Test
    void aBrokenModelFolderIsReportedByName() throws Exception {
        Path broken = Files.createDirectories(folder.resolve("broken-model"));
        ModelTrial trial = new ModelTrial(iteration -> broken, Device::cpu, () -> TrialSettings.of(run));
        TryModelViewModel viewModel = viewModel(trial);
        viewModel.setIteration(1);
        viewModel.promptProperty().set(PROMPT);
        viewModel.generate();

        assertTrue(viewModel.errorProperty().get().startsWith("The model could not generate: "),
                viewModel.errorProperty().get());
        assertTrue(viewModel.errorProperty().get().contains("config.json"), viewModel.errorProperty().get());
    }
}
