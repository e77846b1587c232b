package org.spinworkbench.runs.job;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.spinworkbench.io.FileTrees;
import org.spinworkbench.lm.ModelConfig;
import org.spinworkbench.lm.hf.GenerationConfig;
import org.spinworkbench.lm.hf.PretrainedModel;
import org.spinworkbench.lm.hf.SafetensorsCheckpoint;
import org.spinworkbench.lm.hf.WeightCheck;
import org.spinworkbench.runs.HandOff;
import org.spinworkbench.runs.RunFolders;
import org.spinworkbench.runs.RunOutcome;
import org.spinworkbench.store.ContentHash;
import org.spinworkbench.store.Run;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.RunFolder;
import org.spinworkbench.train.TrainingListener;

/**
 * Brings a job's iteration home: checks the job folder against its manifest and the run, finds
 * what the trainer saved, checks the model is the run's architecture with every weight in
 * place, and only then imports: the trainer's curve as the iteration's metrics, the model as
 * the iteration's model (weights and config from the trainer, tokenizer from the start model,
 * so the run keeps tokenising as it did), evaluated here like a local iteration. A job that
 * does not match is refused with a sentence, and nothing is imported.
 */
public final class ClusterJobImport {
    private final Workspace workspace;
    private final HandOff handOff;

    public ClusterJobImport(Workspace workspace, Device device) {
        this.workspace = workspace;
        this.handOff = new HandOff(workspace, device);
    }

    /**
     * Imports the job in {@code jobFolder} into its run.
     *
     * @param runId the run to import into, or {@code null} for the run the manifest names
     */
    public RunOutcome importJob(Path jobFolder, Long runId, TrainingListener observer) throws IOException {
        Path job = jobFolder.toAbsolutePath().normalize();
        JobManifest manifest = JobManifest.read(job);
        if (runId != null && runId != manifest.run()) {
            throw new IllegalArgumentException(job + " trains iteration " + manifest.iteration() + " of run "
                    + manifest.run() + ", not of run " + runId + "; nothing was imported.");
        }
        Run run = handOff.nextIterationOf(manifest.run(), manifest.iteration());
        if (!ContentHash.ofText(run.configJson()).equals(manifest.runSettingsSha256())) {
            throw new IllegalArgumentException(job + " was written for another run " + manifest.run()
                    + " (its settings differ from this workspace's run " + run.id() + "); nothing was imported.");
        }
        manifest.verify(job);
        TrainerOutput output = TrainerOutput.of(job.resolve(ReferenceRecipe.OUTPUT));
        Path startModel = job.resolve(ReferenceRecipe.MODEL);
        requireSameArchitecture(output.model(), startModel);
        WeightCheck.storedTypes(output.model(), PretrainedModel.readConfig(output.model()));

        RunFolder folder = RunFolders.of(workspace, run);
        Path staged = folder.stageModel(manifest.iteration());
        try {
            stage(output.model(), startModel, staged);
        } catch (IOException | RuntimeException e) {
            FileTrees.deleteAfterFailure(staged);
            throw e;
        }
        observer.log("Importing iteration " + manifest.iteration() + " from " + output.model() + " (step "
                + output.globalStep() + ")");
        try {
            return handOff.adopt(run.id(), manifest.iteration(), staged, output.globalStep(),
                    output.curve(manifest.iteration()), job, observer);
        } finally {
            FileTrees.deleteAfterFailure(staged); // gone already once published
        }
    }

    /** The trained model's config names the architecture and shapes of the model the job started from. */
    private static void requireSameArchitecture(Path trained, Path start) {
        ModelConfig expected = PretrainedModel.readConfig(start);
        ModelConfig actual = PretrainedModel.readConfig(trained);
        String difference = null;
        if (!expected.architecture().equals(actual.architecture())) {
            difference = "it is " + actual.architecture() + ", the run's model is " + expected.architecture();
        } else {
            Map<String, long[]> want = expected.expectedShapes();
            Map<String, long[]> have = actual.expectedShapes();
            for (Map.Entry<String, long[]> entry : want.entrySet()) {
                long[] shape = have.get(entry.getKey());
                if (shape == null || !Arrays.equals(shape, entry.getValue())) {
                    difference = entry.getKey() + " is " + (shape == null ? "absent" : Arrays.toString(shape))
                            + " where the run's model has " + Arrays.toString(entry.getValue());
                    break;
                }
            }
            if (difference == null && !have.keySet().equals(want.keySet())) {
                difference = "it has weights the run's model has not";
            }
        }
        if (difference != null) {
            throw new IllegalArgumentException(trained.resolve(PretrainedModel.CONFIG_FILE) + " describes another"
                    + " architecture (" + difference + "); nothing was imported.");
        }
    }

    /**
     * The iteration's model in {@code staged}: config, generation config and safetensors weights
     * (one file, or the index and every shard it names) from the trainer; every other file of
     * the start model (tokenizer, chat template) from there.
     */
    private static void stage(Path trained, Path start, Path staged) throws IOException {
        Files.copy(trained.resolve(PretrainedModel.CONFIG_FILE), staged.resolve(PretrainedModel.CONFIG_FILE));
        Path generation = Files.isRegularFile(trained.resolve(GenerationConfig.FILE)) ? trained : start;
        if (Files.isRegularFile(generation.resolve(GenerationConfig.FILE))) {
            Files.copy(generation.resolve(GenerationConfig.FILE), staged.resolve(GenerationConfig.FILE));
        }
        for (Path file : SafetensorsCheckpoint.weightFiles(trained)) {
            Files.copy(file, staged.resolve(file.getFileName().toString()));
        }
        try (Stream<Path> files = Files.list(start)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                boolean weightsOrConfig = name.endsWith(".safetensors") || name.equals(SafetensorsCheckpoint.INDEX_FILE)
                        || name.equals(PretrainedModel.CONFIG_FILE) || name.equals(GenerationConfig.FILE)
                        || name.startsWith(".");
                if (!weightsOrConfig) {
                    Files.copy(file, staged.resolve(name));
                }
            }
        }
    }
}
