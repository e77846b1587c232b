package org.spinworkbench.train;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Path;
import org.spinworkbench.io.FileTrees;
import org.spinworkbench.lm.LlamaModel;
import org.spinworkbench.lm.LoraAdapter;
import org.spinworkbench.lm.LoraConfig;
import org.spinworkbench.lm.hf.DType;
import org.spinworkbench.lm.hf.ModelWriter;
import org.spinworkbench.lm.hf.PeftAdapterFolder;
import org.spinworkbench.lm.hf.PretrainedModel;

/**
 * The iterations of a LoRA run (decision 0014): each starts from the frozen base carrying the
 * previous iteration's adapter (a new one, equal to the base, in iteration 1), and ends by
 * publishing its adapter as a PEFT folder, then the model it merges into as {@code model/},
 * which every reader of iteration models takes as it takes a fully trained one.
 */
record AdapterIterations(Path baseModel, LoraConfig lora, long seed, RunFolder folder, Device device,
                         TrainingListener listener) {

    PretrainedModel start(int iteration) {
        listener.log("Iteration " + iteration + ": loading " + baseModel + (iteration == 1
                ? " with a new LoRA adapter (" + lora.describe() + ")"
                : " with iteration " + (iteration - 1) + "'s LoRA adapter"));
        PretrainedModel model = PretrainedModel.load(baseModel, device);
        try {
            LlamaModel network = model.network();
            network.attach(iteration == 1
                    ? LoraAdapter.initial(lora, model.config(), network.manager(), seed)
                    : PeftAdapterFolder.read(folder.adapter(iteration - 1), model.config(), network.manager()));
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    void publish(int iteration, PretrainedModel model) throws IOException {
        LoraAdapter adapter = model.network().adapter().orElseThrow();
        Path adapterFolder = folder.adapter(iteration);
        FileTrees.delete(adapterFolder); // an earlier attempt's, killed before its model was published
        PeftAdapterFolder.write(adapter, baseModel.toAbsolutePath().normalize().toString(), adapterFolder);
        ModelWriter.saveMerged(model, adapter, folder.model(iteration), DType.F32);
    }
}
