package org.spinworkbench.ui.wizard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.spinworkbench.lm.ChatMessage;
import org.spinworkbench.lm.ModelConfig;
import org.spinworkbench.lm.hf.ChatTemplate;
import org.spinworkbench.lm.hf.CheckpointException;
import org.spinworkbench.lm.hf.PretrainedModel;
import org.spinworkbench.lm.hf.TextTokenizer;
import org.spinworkbench.lm.hf.WeightCheck;

/**
 * Checks a base-model folder the way loading it for training would, but without reading the
 * weights, so the wizard can tell within a second whether a run on it would start: the
 * config, every weight's name and shape in the safetensors headers, the tokenizer and the
 * chat template. Each failure is the sentence of the loader that would have failed.
 */
public final class ModelInspector {
    /** What the template is tried on: a broken template fails here rather than at iteration 1. */
    private static final List<ChatMessage> PROBE = List.of(ChatMessage.user("Hello"));

    public ModelSummary inspect(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new CheckpointException(folder + " is not a folder.");
        }
        ModelConfig config = PretrainedModel.readConfig(folder);
        String dtypes = WeightCheck.storedTypes(folder, config);
        int vocabSize;
        try (TextTokenizer tokenizer = TextTokenizer.load(folder, config.bosTokenId(), config.eosTokenIds())) {
            vocabSize = tokenizer.vocabSize();
        }
        if (vocabSize > config.vocabSize()) {
            throw new CheckpointException(folder.resolve("tokenizer.json") + " has " + vocabSize
                    + " tokens, more than the model's vocab_size of " + config.vocabSize() + ".");
        }
        ChatTemplate template = ChatTemplate.load(folder);
        template.renderExample(PROBE, "Hi");
        return ModelSummary.of(folder, config, dtypes, vocabSize, template);
    }
}
