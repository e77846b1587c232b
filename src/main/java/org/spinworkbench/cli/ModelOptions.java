package org.spinworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.spinworkbench.lm.ComputeDevice;
import org.spinworkbench.lm.hf.BosPolicy;
import org.spinworkbench.lm.hf.PretrainedModel;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --model DIR --device auto|cpu|gpu --threads N}: which model to load, and where. */
public final class ModelOptions {
    @Option(names = "--model", paramLabel = "DIR", required = true,
            description = "Model folder in Hugging Face layout (config.json, *.safetensors, tokenizer.json).")
    Path model;

    @Option(names = "--bos", paramLabel = "tokenizer|template", defaultValue = "tokenizer",
            description = "Prompts start with BOS when the template writes none and the tokenizer adds it (tokenizer),"
                    + " or exactly as the template writes them (template: as apply_chat_template). Never twice."
                    + " Default: ${DEFAULT-VALUE}.")
    String bos;

    @Mixin
    DeviceOptions device;

    ComputeDevice computeDevice() {
        return device.select();
    }

    /** Loads the model and says on {@code status} what was loaded, on what, in how long. */
    PretrainedModel load(PrintWriter status) {
        ComputeDevice compute = computeDevice();
        long start = System.nanoTime();
        PretrainedModel loaded = PretrainedModel.load(model, compute.device());
        loaded.setBosPolicy(BosPolicy.ofId(bos));
        double seconds = (System.nanoTime() - start) / 1e9;
        status.printf(Locale.ROOT, "Loaded %s (%.1f M parameters) from %s in %.2f s; device: %s%n",
                loaded.config().architecture(), loaded.config().parameterCount() / 1e6, model, seconds,
                compute.describe());
        if (loaded.chatTemplate().isFallback()) {
            status.println("The model has no chat template; prompts use the default ChatML template"
                    + " (--raw sends text as it is).");
        }
        return loaded;
    }
}
