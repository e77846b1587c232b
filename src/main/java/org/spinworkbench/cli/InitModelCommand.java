package org.spinworkbench.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spinworkbench.lm.ModelConfig;
import org.spinworkbench.lm.hf.DType;
import org.spinworkbench.lm.hf.RandomModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code init-model}: a randomly initialised model in Hugging Face layout, the start of training from scratch. */
@Command(name = "init-model", mixinStandardHelpOptions = true,
        description = "Create a model with random weights from a config.json, with a tokenizer.")
public final class InitModelCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", required = true,
            description = "A Hugging Face config.json (Llama, Qwen2 or Mistral).")
    Path config;

    @Option(names = "--tokenizer", paramLabel = "DIR|byte-level", defaultValue = RandomModels.BYTE_LEVEL,
            description = "A folder whose tokenizer files to use, or byte-level for the built-in byte-level BPE"
                    + " (259 tokens, handles any UTF-8 text). Default: ${DEFAULT-VALUE}.")
    String tokenizer;

    @Option(names = "--output", paramLabel = "DIR", required = true, description = "New folder for the model.")
    Path output;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--dtype", paramLabel = "F32|F16|BF16", defaultValue = "F32",
            description = "Weight type on disk. Default: ${DEFAULT-VALUE}.")
    String dtype;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ModelConfig modelConfig = RandomModels.create(config, tokenizer, seed, output,
                DType.valueOf(dtype.toUpperCase(Locale.ROOT)));
        spec.commandLine().getOut().printf(Locale.ROOT, "Created %s with %.1f M random parameters in %s%n",
                modelConfig.architecture(), modelConfig.parameterCount() / 1e6, output);
        return 0;
    }
}
