package org.spinworkbench.lm.hf;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.spinworkbench.lm.ModelConfig;
import org.spinworkbench.lm.RandomInitializer;

/** A model with fresh random weights, written as a Hugging Face folder: where training from scratch starts. */
public final class RandomModels {
    /** The {@code tokenizer} value that asks for the built-in byte-level tokenizer. */
    public static final String BYTE_LEVEL = "byte-level";

    private RandomModels() {
    }

    /**
     * @param tokenizer a folder whose tokenizer files to copy, or {@link #BYTE_LEVEL}
     * @return the model's configuration
     */
    public static ModelConfig create(Path configFile, String tokenizer, long seed, Path output, DType dtype)
            throws IOException {
        ModelConfig config = ModelConfig.read(configFile);
        boolean byteLevel = BYTE_LEVEL.equals(tokenizer);
        Path tokenizerFolder = byteLevel ? Files.createTempDirectory("spinwb-tokenizer") : Path.of(tokenizer);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            if (byteLevel) {
                ByteLevelTokenizerFactory.write(tokenizerFolder);
            }
            // generation_config.json beside the config file wins, then the tokenizer folder's
            Path configFolder = configFile.toAbsolutePath().getParent();
            Path generationFolder = Files.isRegularFile(configFolder.resolve(GenerationConfig.FILE))
                    ? configFolder : tokenizerFolder;
            ModelWriter.write(config, RandomInitializer.weights(config, seed, manager), tokenizerFolder,
                    generationFolder, output, dtype);
        } finally {
            if (byteLevel) {
                try (Stream<Path> files = Files.walk(tokenizerFolder)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
        return config;
    }
}
