package org.spinworkbench.ui.wizard;

import java.nio.file.Path;
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
}
