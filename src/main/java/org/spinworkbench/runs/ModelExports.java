package org.spinworkbench.runs;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Path;
import org.spinworkbench.io.FileTrees;
import org.spinworkbench.lm.hf.DType;
import org.spinworkbench.lm.hf.ModelWriter;
import org.spinworkbench.lm.hf.PeftAdapterFolder;
import org.spinworkbench.lm.hf.PretrainedModel;
import org.spinworkbench.store.Run;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.RunFolder;

/** The models a run's completed iterations produced, written out for other tools: whole, merged, or as adapters. */
public final class ModelExports {
    private final Workspace workspace;

    public ModelExports(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Writes the model an iteration produced as a Hugging Face folder at {@code output}, a new or empty folder. */
    public Path export(long runId, int iteration, Path output, DType dtype) throws IOException {
        return export(runId, iteration, output, dtype, false);
    }

    /**
     * As {@link #export(long, int, Path, DType)}; with {@code replace}, a folder that has files
     * is replaced whole: the new model is written beside it and swapped in, so a failed export
     * leaves the old folder as it was.
     */
    public Path export(long runId, int iteration, Path output, DType dtype, boolean replace) throws IOException {
        RunFolder folder = completed(runId, iteration);
        writeOrReplace(output, replace, fresh -> {
            try (PretrainedModel model = PretrainedModel.load(folder.model(iteration), Device.cpu())) {
                ModelWriter.save(model, fresh, dtype);
            }
        });
        return output;
    }

    /**
     * Copies a LoRA run's adapter of {@code iteration}, a PEFT folder, to {@code output} (a new
     * or empty folder, or with {@code replace} one replaced whole); {@link #export} writes the
     * same iteration merged into its base.
     */
    public Path exportAdapter(long runId, int iteration, Path output, boolean replace) throws IOException {
        RunFolder folder = completed(runId, iteration);
        Path adapter = folder.adapter(iteration);
        if (!PeftAdapterFolder.isAdapter(adapter)) {
            throw new IllegalArgumentException("Run " + runId + " trains every weight, so it has no LoRA adapter;"
                    + " export its model without --adapter-only.");
        }
        writeOrReplace(output, replace, fresh -> PeftAdapterFolder.copy(adapter, fresh));
        return output;
    }

    private static void writeOrReplace(Path output, boolean replace, FileTrees.FolderFiller writer)
            throws IOException {
        if (replace && FileTrees.folderTarget(output) == FileTrees.FolderTarget.TAKEN) {
            FileTrees.replaceFolder(output, writer);
        } else {
            writer.fill(output);
        }
    }

    /** The folder of a run whose iteration is complete, refused with a sentence otherwise. */
    private RunFolder completed(long runId, int iteration) {
        Run run = workspace.runs().findById(runId)
                .orElseThrow(() -> new IllegalArgumentException("No run " + runId + " in " + workspace.folder() + "."));
        RunFolder folder = folderOf(run);
        if (iteration < 1 || iteration > folder.lastCompletedIteration()) {
            throw new IllegalArgumentException("Run " + runId + " has no model for iteration " + iteration
                    + " (completed iterations: " + folder.lastCompletedIteration() + ").");
        }
        return folder;
    }

    private RunFolder folderOf(Run run) {
        return RunFolders.of(workspace, run);
    }
}
