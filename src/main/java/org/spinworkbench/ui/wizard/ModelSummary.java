package org.spinworkbench.ui.wizard;

import java.nio.file.Path;
import org.spinworkbench.lm.ModelConfig;
import org.spinworkbench.lm.hf.ChatTemplate;

/**
 * What the wizard found in a base-model folder, checked without loading the weights.
 *
 * @param dtype           the weights' dtypes on disk, e.g. "F32" or "BF16, F32"
 * @param contextLength   {@code max_position_embeddings}: the longest prompt + response the model takes
 * @param defaultTemplate the folder has no chat template and {@link ChatTemplate#CHATML} stands in
 */
public record ModelSummary(Path folder, String architecture, long parameterCount, int layers, int hiddenSize,
                           String dtype, int vocabSize, int contextLength, boolean defaultTemplate,
                           ChatTemplate template) {
    /** The summary of the model in {@code folder}: {@code config}'s shape, with what else was checked there. */
    static ModelSummary of(Path folder, ModelConfig config, String dtype, int vocabSize, ChatTemplate template) {
        return new ModelSummary(folder.toAbsolutePath().normalize(), config.architecture(), config.parameterCount(),
                config.numHiddenLayers(), config.hiddenSize(), dtype, vocabSize, config.maxPositionEmbeddings(),
                template.isFallback(), template);
    }
}
