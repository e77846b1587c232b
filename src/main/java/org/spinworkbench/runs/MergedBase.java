package org.spinworkbench.runs;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.spinworkbench.lm.LoraAdapter;
import org.spinworkbench.lm.hf.DType;
import org.spinworkbench.lm.hf.ModelWriter;
import org.spinworkbench.lm.hf.PeftAdapterFolder;
import org.spinworkbench.lm.hf.PretrainedModel;
import org.spinworkbench.store.ContentHash;
import org.spinworkbench.store.Project;
import org.spinworkbench.store.Workspace;

/**
 * A base model given as a model folder plus a PEFT adapter ({@code --model DIR --adapter DIR}):
 * the adapter is merged into the model once, as PEFT's {@code merge_and_unload} does, and
 * saved in the project's {@code base-models/}; runs start from that folder as from any base.
 * The folder's name carries a hash of both inputs, so the same pair is merged only once.
 */
public final class MergedBase {
    private MergedBase() {
    }

    /** The merged model's folder, written now unless an earlier run wrote it. */
    public static Path of(Workspace workspace, String projectName, Path model, Path adapter) throws IOException {
        Path modelFolder = model.toAbsolutePath().normalize();
        Path adapterFolder = adapter.toAbsolutePath().normalize();
        PeftAdapterFolder.readConfig(adapterFolder); // its settings refused here, before any weights are read
        String key = ContentHash.ofText(ContentHash.ofFolder(modelFolder) + " " + ContentHash.ofFolder(adapterFolder))
                .substring(0, 12);
        Project project = workspace.projects().find(projectName)
                .orElseGet(() -> workspace.projects().create(projectName, ""));
        Path target = workspace.projects().folderOf(project).resolve("base-models")
                .resolve(modelFolder.getFileName() + "+" + adapterFolder.getFileName() + "-" + key);
        if (Files.isRegularFile(target.resolve(PretrainedModel.CONFIG_FILE))) {
            return target; // folders are published whole: one with a config is complete
        }
        try (PretrainedModel base = PretrainedModel.load(modelFolder, Device.cpu());
             LoraAdapter lora = PeftAdapterFolder.read(adapterFolder, base.config(), base.network().manager())) {
            ModelWriter.saveMerged(base, lora, target, DType.F32);
        }
        return target;
    }
}
