package org.spinworkbench.runs.job;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.spinworkbench.data.Example;
import org.spinworkbench.data.SpinParquetWriter;
import org.spinworkbench.io.FileTrees;
import org.spinworkbench.lm.ChatMessage;
import org.spinworkbench.runs.HandOff;
import org.spinworkbench.runs.IterationDatasets;
import org.spinworkbench.runs.RunFolders;
import org.spinworkbench.runs.RunSpec;
import org.spinworkbench.store.Project;
import org.spinworkbench.store.Run;
import org.spinworkbench.store.Split;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.RunFolder;
import org.spinworkbench.train.TrainingConfig;
import org.spinworkbench.train.TrainingListener;

/**
 * Writes a job folder that trains a run's next SPIN iteration on the reference stack
 * (accelerate + DeepSpeed ZeRO-3, {@code uclaml/SPIN}'s {@code run_spin.py}): the iteration's
 * pairs as the reference's Parquet splits, the model it starts from, the recipe, the launchers,
 * a README and the manifest. The iteration's pairs are made here first when the run has not
 * made them yet. The folder appears whole or not at all.
 */
public final class ClusterJobExport {
    static final String TRAIN_FILE = "train_prefs-00000-of-00001.parquet";
    static final String TEST_FILE = "test_prefs-00000-of-00001.parquet";

    private final Workspace workspace;
    private final HandOff handOff;

    public ClusterJobExport(Workspace workspace, Device device) {
        this.workspace = workspace;
        this.handOff = new HandOff(workspace, device);
    }

    /** What was written. */
    public record Written(Path folder, int iteration, int trainPairs, int testPairs, List<String> unmapped) {
    }

    /**
     * Writes the job for {@code iteration}, the run's next, into {@code target} (absent or empty).
     *
     * @param gpus     the GPUs of the node the job runs on
     * @param observer hears the pairs being made, when they are
     */
    public Written write(long runId, int iteration, Path target, int gpus, TrainingListener observer)
            throws IOException {
        if (gpus < 1) {
            throw new IllegalArgumentException("A job needs at least one GPU, not " + gpus + ".");
        }
        Run run = handOff.nextIterationOf(runId, iteration);
        Path folder = target.toAbsolutePath().normalize();
        requireFree(folder);
        RunFolder runFolder = RunFolders.of(workspace, run);
        if (!pairsRecorded(runId, iteration)) {
            // made and recorded now, or recorded from the file a killed run left (decision 0011)
            observer.log("Iteration " + iteration + ": making its pairs for the job");
            handOff.preparePairs(runId, iteration, observer);
        }
        RunSpec spec = RunSpec.fromJson(run.configJson());
        TrainingConfig config = spec.training();
        IterationDatasets datasets = new IterationDatasets(workspace);
        List<Example> train = referencePrompts(datasets.pairs(runId, iteration, Split.TRAIN));
        List<Example> test = referencePrompts(heldOut(datasets, runId, iteration));
        boolean mixPrevious = config.mixPrevious() && iteration > 1;

        Path partial = Files.createDirectories(folder.getParent())
                .resolve("." + folder.getFileName() + "." + UUID.randomUUID() + ".partial");
        Files.createDirectory(partial);
        try {
            SpinParquetWriter.write(partial.resolve(ReferenceRecipe.DATA).resolve(TRAIN_FILE), train);
            SpinParquetWriter.write(partial.resolve(ReferenceRecipe.DATA).resolve(TEST_FILE), test);
            int previous = 0;
            if (mixPrevious) {
                List<Example> earlier = referencePrompts(datasets.pairs(runId, iteration - 1, Split.TRAIN));
                SpinParquetWriter.write(partial.resolve(ReferenceRecipe.PREVIOUS_DATA).resolve(TRAIN_FILE), earlier);
                // the reference loads a test split from every dataset it mixes: the same held-out pairs again
                SpinParquetWriter.write(partial.resolve(ReferenceRecipe.PREVIOUS_DATA).resolve(TEST_FILE), test);
                previous = earlier.size();
            }
            Path startModel = iteration == 1 ? Path.of(spec.baseModel()) : runFolder.model(iteration - 1);
            copyModel(startModel, partial.resolve(ReferenceRecipe.MODEL));
            ReferenceRecipe recipe = ReferenceRecipe.of(config, iteration, gpus, mixPrevious);
            Project project = workspace.projects().find(run.projectId()).orElseThrow();
            JobFiles.write(partial, recipe, new JobFiles.About(runId, project.name(), iteration, gpus,
                    new JobFiles.Pairs(train.size(), test.size(), previous)));
            JobManifest.of(partial, runId, iteration, run.configJson()).write(partial);
            Files.deleteIfExists(folder); // only ever an empty folder here
            Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
            return new Written(folder, iteration, train.size(), test.size(), recipe.unmapped());
        } catch (IOException | RuntimeException e) {
            FileTrees.delete(partial);
            throw e;
        }
    }

    /** The workspace is the account of what is done: pairs count as made once their samples are recorded. */
    private boolean pairsRecorded(long runId, int iteration) {
        return workspace.iterations().find(runId, iteration)
                .map(recorded -> workspace.samples().count(recorded.id(), Split.TRAIN) > 0).orElse(false);
    }

    private static List<Example> heldOut(IterationDatasets datasets, long runId, int iteration) {
        try {
            return datasets.pairs(runId, iteration, Split.EVAL);
        } catch (IllegalArgumentException none) {
            throw new IllegalArgumentException("Run " + runId + " holds no pairs out, and the reference's run_spin.py"
                    + " needs a test split; start the run with a held-out share to hand it to a cluster.");
        }
    }

    /**
     * The pairs as the reference reads them: {@code run_spin.py} takes the first user message as
     * the whole prompt, so a pair whose prompt has a system message or earlier turns would be
     * trained on a different prompt there than here, and is refused.
     */
    private static List<Example> referencePrompts(List<Example> pairs) {
        for (Example pair : pairs) {
            List<ChatMessage> prompt = pair.prompt();
            if (prompt.size() != 1 || !ChatMessage.USER.equals(prompt.get(0).role())) {
                throw new IllegalArgumentException("Row " + pair.row() + "'s prompt has " + prompt.size()
                        + " messages (" + String.join(", ", prompt.stream().map(ChatMessage::role).toList())
                        + "); the SPIN reference reads a single user message as the prompt, so this run cannot be"
                        + " trained there as it is trained here.");
            }
        }
        return pairs;
    }

    private static void requireFree(Path folder) throws IOException {
        switch (FileTrees.folderTarget(folder)) {
            case FREE -> { }
            case NOT_A_FOLDER -> throw new IllegalArgumentException(folder + " is a file; name a new or empty folder"
                    + " for the job.");
            case TAKEN -> throw new IllegalArgumentException(folder + " is not empty; name a new or empty folder for"
                    + " the job.");
        }
    }

    /** The model's files (hidden ones aside), as they are: the cluster loads them with transformers. */
    private static void copyModel(Path model, Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(model)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
    }
}
