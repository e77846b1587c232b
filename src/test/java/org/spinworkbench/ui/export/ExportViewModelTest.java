package org.spinworkbench.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.data.DatasetReader;
import org.spinworkbench.data.Example;
import org.spinworkbench.data.ProblemPolicy;
import org.spinworkbench.lm.hf.DType;
import org.spinworkbench.lm.hf.PretrainedModel;
import org.spinworkbench.runs.ModelExports;
import org.spinworkbench.runs.TinyRuns;
import org.spinworkbench.store.Sample;
import org.spinworkbench.store.Split;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.ui.common.CurrentThreadTaskExecutor;
import org.spinworkbench.ui.common.Failure;
import org.spinworkbench.ui.common.Messages;

/** The export dialog's state on one real two-iteration tiny run, everything on the calling thread. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ExportViewModelTest {
    @TempDir
    static Path shared;
    static Workspace workspace;
    static long runId;

    @TempDir
    Path dir;

    private final Messages messages = Messages.forLocale(Locale.ENGLISH);

    @BeforeAll
    static void completeARun() throws IOException {
        workspace = Workspace.open(shared.resolve("ws"));
        runId = TinyRuns.completedRun(workspace, shared, 2).runId();
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
    }

    private ExportViewModel viewModel(ModelExporter exporter) {
        ExportViewModel viewModel = new ExportViewModel(workspace, new CurrentThreadTaskExecutor(),
                new CurrentThreadTaskExecutor(), messages, runId, exporter);
        viewModel.load();
        return viewModel;
    }

    private ExportViewModel viewModel() {
        ModelExports runs = new ModelExports(workspace);
        return viewModel(runs::export);
    }

    @Test
    void loadingListsBothIterationsWithTheirModelAndPairsAndSelectsTheLast() {
        ExportViewModel viewModel = viewModel();

        int training = samples(1, Split.TRAIN).size();
        int heldOut = samples(1, Split.EVAL).size();
        assertEquals(List.of(new ExportableIteration(1, true, training, heldOut),
                new ExportableIteration(2, true, training, heldOut)), viewModel.iterations());
        assertEquals(2, viewModel.iterationProperty().get().iteration());
        assertEquals("Run " + runId + " (SPIN) of Tiny", viewModel.headingProperty().get());
        assertEquals("Iteration 2: model, " + training + " training and " + heldOut + " held-out pairs",
                viewModel.describe(viewModel.iterationProperty().get()));
        assertFalse(viewModel.busyProperty().get());
        assertFalse(viewModel.canExportModelProperty().get(), "no folder named yet");
        viewModel.modelFolderProperty().set(dir.resolve("m").toString());
        assertTrue(viewModel.canExportModelProperty().get());
    }

    @Test
    void aModelGoesToANewFolderInTheChosenWeightType() throws IOException {
        ExportViewModel viewModel = viewModel();
        Path folder = dir.resolve("iteration-1-f16");
        viewModel.iterationProperty().set(viewModel.iterations().get(0));
        viewModel.dtypeProperty().set(DType.F16);
        viewModel.modelFolderProperty().set(folder.toString());

        viewModel.exportModel();

        assertNull(viewModel.failureProperty().get());
        assertEquals("The model of iteration 1 was written to " + folder + " (F16).", viewModel.messageProperty().get());
        assertTrue(Files.readString(folder.resolve("config.json")).contains("\"torch_dtype\": \"float16\""));
        try (PretrainedModel model = PretrainedModel.load(folder, Device.cpu())) {
            assertEquals(PretrainedModel.readConfig(shared.resolve("base-model")).parameterCount(),
                    model.config().parameterCount());
        }
        assertFalse(viewModel.busyProperty().get());
        assertEquals(1.0, viewModel.progressProperty().get());
        assertEquals(folder, viewModel.writtenProperty().get(), "what Open folder shows");
    }

    @Test
    void aFolderWithFilesIsReplacedOnlyOnceTheUserAgrees() throws IOException {
        ExportViewModel viewModel = viewModel();
        Path folder = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(folder.resolve("notes.txt"), "mine");
        viewModel.modelFolderProperty().set(folder.toString());

        viewModel.exportModel();
        assertEquals("The folder " + folder + " already has files in it.", viewModel.replaceQuestionProperty().get());
        assertTrue(viewModel.busyProperty().get(), "nothing else starts while the question is open");
        viewModel.declineReplace();
        assertEquals(List.of(folder.resolve("notes.txt")), filesIn(folder));
        assertEquals("Nothing was written: the existing files are kept.", viewModel.messageProperty().get());
        assertEquals(0.0, viewModel.progressProperty().get(), "no full bar when nothing was written");
        assertNull(viewModel.writtenProperty().get());

        viewModel.exportModel();
        viewModel.confirmReplace();
        assertNull(viewModel.replaceQuestionProperty().get());
        assertNull(viewModel.failureProperty().get());
        assertFalse(Files.exists(folder.resolve("notes.txt")));
        assertTrue(Files.isRegularFile(folder.resolve("model.safetensors")));
        assertEquals(List.of(folder), siblingsIn(dir), "no temporary folder left beside it");
    }

    @Test
    void aFailedReplacementKeepsTheOldFolderAndSaysWhyInWords() throws IOException {
        ExportViewModel viewModel = viewModel((run, iteration, output, dtype, replace) -> {
            Files.createDirectories(output);
            Files.writeString(output.resolve("config.json"), "{}");
            throw new FileSystemException(output.resolve("model.safetensors").toString(), null,
                    "No space left on device");
        });
        Path folder = Files.createDirectories(dir.resolve("old-export"));
        Files.writeString(folder.resolve("model.safetensors"), "the old weights");
        viewModel.modelFolderProperty().set(folder.toString());

        viewModel.exportModel();
        viewModel.confirmReplace();

        Failure failure = viewModel.failureProperty().get();
        assertEquals("Could not export the model", failure.header());
        assertEquals("The disk is full: there is not enough space to write " + folder
                + ". Free some space or choose another place.", failure.reason());
        assertEquals("the old weights", Files.readString(folder.resolve("model.safetensors")));
        assertEquals(List.of(folder), siblingsIn(dir));
        assertFalse(viewModel.busyProperty().get(), "the user can try another place");
    }

    @Test
    void aRefusedFolderAndAFileInTheWayAreNamed() throws IOException {
        ExportViewModel denied = viewModel((run, iteration, output, dtype, replace) -> {
            throw new AccessDeniedException(output.toString());
        });
        Path target = dir.resolve("locked/model");
        denied.modelFolderProperty().set(target.toString());
        denied.exportModel();
        assertEquals("You do not have permission to write to " + target + ". Choose a folder you can write to.",
                denied.failureProperty().get().reason());

        Path file = Files.writeString(dir.resolve("a-file"), "x");
        ExportViewModel viewModel = viewModel();
        viewModel.modelFolderProperty().set(file.toString());
        viewModel.exportModel();
        assertEquals(file + " is a file; the model needs a folder.", viewModel.failureProperty().get().reason());
        assertEquals("x", Files.readString(file));
    }

    @Test
    void thePairsOfTheChosenSplitReadBackAsTheRecordedSamples() {
        ExportViewModel viewModel = viewModel();
        Path file = dir.resolve("pairs/held-out.jsonl");
        viewModel.iterationProperty().set(viewModel.iterations().get(0));
        viewModel.splitProperty().set(Split.EVAL);
        viewModel.datasetFileProperty().set(file.toString());

        viewModel.exportDataset();

        List<Sample> samples = samples(1, Split.EVAL);
        assertNull(viewModel.failureProperty().get());
        assertEquals(samples.size() + " pairs of iteration 1 were written to " + file + ".",
                viewModel.messageProperty().get());
        List<Example> read = DatasetReader.read(file, null, ProblemPolicy.STOP).examples();
        assertEquals(samples.stream().map(Sample::syntheticResponse).toList(),
                read.stream().map(Example::generatedResponse).toList());
        assertEquals(samples.stream().map(Sample::realResponse).toList(),
                read.stream().map(Example::realResponse).toList());

        viewModel.exportDataset();
        assertEquals("The file " + file + " already exists.", viewModel.replaceQuestionProperty().get());
        viewModel.confirmReplace();
        assertNull(viewModel.failureProperty().get());
        assertEquals(samples.size(), DatasetReader.read(file, null, ProblemPolicy.STOP).examples().size());
    }

    private static List<Sample> samples(int iteration, Split split) {
        return workspace.samples().list(workspace.iterations().find(runId, iteration).orElseThrow().id(), split);
    }

    private static List<Path> filesIn(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static List<Path> siblingsIn(Path root) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.sorted().toList();
        }
    }
}
