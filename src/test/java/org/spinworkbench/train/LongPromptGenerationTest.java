package org.spinworkbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.data.Example;
import org.spinworkbench.lm.ChatMessage;
import org.spinworkbench.lm.SamplingOptions;
import org.spinworkbench.lm.hf.Completion;
import org.spinworkbench.lm.hf.PretrainedModel;
import org.spinworkbench.lm.hf.TextGenerator;
import org.spinworkbench.runs.TinyRuns;

/**
 * A prompt longer than the run keeps is generated from as training will see it: its last
 * max-prompt-length tokens when it and the new tokens do not fit in the max length. Before,
 * the whole prompt went to the model: a 1 MB prompt asked PyTorch for a terabyte.
 */
class LongPromptGenerationTest {
    @TempDir
    Path dir;

    @Test
    void syntheticResponsesComeFromTheKeptPrompt() throws Exception {
        TrainingConfig config = TinyRuns.config(1, 0).toBuilder().optLengths(24, 12).optMaxNewTokens(6)
                .optTemperature(1.0).build();
        List<Example> examples = List.of(
                new Example(1, List.of(ChatMessage.user("12+30=")), "42", null),
                new Example(2, List.of(ChatMessage.user("a long preamble that the run cuts away, then 7+8=")), "15", null));
        try (PretrainedModel model = PretrainedModel.load(TinyRuns.model(dir), Device.cpu())) {
            PairBuilder builder = new PairBuilder(model, config, new TrainingListener() { }, new Cancellation());
            List<String> synthetic = builder.synthetic(1, examples);

            int keep = config.truncation().maxPromptLength();
            UnaryOperator<int[]> lastTokens = p -> p.length + config.maxNewTokens() > config.maxLength()
                    ? Arrays.copyOfRange(p, p.length - keep, p.length) : p;
            assertEquals(generate(model, config, examples, lastTokens), synthetic);
            assertNotEquals(generate(model, config, examples, UnaryOperator.identity()), synthetic,
                    "the whole long prompt gives another sample, else this test proves nothing");
        }
    }

    private static List<String> generate(PretrainedModel model, TrainingConfig config, List<Example> examples,
                                         UnaryOperator<int[]> fit) {
        SamplingOptions sampling = new SamplingOptions(config.maxNewTokens(), config.temperature(), 0, config.topP(),
                config.seed() * 1_000_003L + 1, true);
        List<Completion> completions = new TextGenerator(model).generateConversations(
                examples.stream().map(Example::prompt).toList(), config.raw(), fit, sampling, 16, done -> { });
        return completions.stream().map(Completion::text).toList();
    }
}
