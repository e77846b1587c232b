package org.spinworkbench.lm.hf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;
import org.spinworkbench.lm.Batches;
import org.spinworkbench.lm.ChatMessage;
import org.spinworkbench.lm.GeneratedTokens;
import org.spinworkbench.lm.Generator;
import org.spinworkbench.lm.SamplingOptions;

/** Text in, text out: prompts formatted as the model expects, generated in batches, decoded. */
public final class TextGenerator {
    private final PretrainedModel model;
    private final Generator generator;

    public TextGenerator(PretrainedModel model) {
        this.model = model;
        this.generator = new Generator(model.network(), model.eosTokenIds(), model.padTokenId());
    }

    /**
     * Continues every prompt, in input order. Prompt i samples with its own generator seeded
     * by the seed and i, so the output does not depend on the batch size.
     *
     * @param progress told the number of prompts finished so far, after each batch
     */
    public List<Completion> generate(List<String> prompts, boolean raw, SamplingOptions options, int batchSize,
                                     IntConsumer progress) {
        List<int[]> tokens = prompts.stream().map(p -> model.promptTokens(p, raw)).toList();
        return generateFromTokens(prompts, tokens, options, batchSize, progress);
    }

    /** Continues conversations (each awaiting the assistant's turn), as {@link #generate} does. */
    public List<Completion> generateConversations(List<List<ChatMessage>> conversations, boolean raw,
                                                  SamplingOptions options, int batchSize, IntConsumer progress) {
        return generateConversations(conversations, raw, UnaryOperator.identity(), options, batchSize, progress);
    }

    /**
     * Continues conversations as {@link #generate} does, each from its prompt tokens as
     * {@code fit} shortens them (to what fits the model beside the new tokens).
     */
    public List<Completion> generateConversations(List<List<ChatMessage>> conversations, boolean raw,
                                                  UnaryOperator<int[]> fit, SamplingOptions options, int batchSize,
                                                  IntConsumer progress) {
        List<int[]> tokens = conversations.stream().map(c -> fit.apply(model.promptTokens(c, raw))).toList();
        List<String> shown = conversations.stream().map(c -> c.get(c.size() - 1).content()).toList();
        return generateFromTokens(shown, tokens, options, batchSize, progress);
    }

    private List<Completion> generateFromTokens(List<String> prompts, List<int[]> tokens, SamplingOptions options,
                                                int batchSize, IntConsumer progress) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).length == 0) {
                throw new IllegalArgumentException("Prompt " + (i + 1) + " is empty.");
            }
        }
        Completion[] completions = new Completion[prompts.size()];
        int done = 0;
        for (int[] batch : Batches.byLength(tokens, t -> t.length, batchSize)) {
            List<int[]> batchTokens = new ArrayList<>();
            for (int index : batch) {
                batchTokens.add(tokens.get(index));
            }
            List<GeneratedTokens> generated = generator.generate(batchTokens, options,
                    Arrays.stream(batch).asLongStream().toArray());
            for (int row = 0; row < batch.length; row++) {
                GeneratedTokens result = generated.get(row);
                completions[batch[row]] = new Completion(prompts.get(batch[row]), model.decode(result.tokens()),
                        result.tokens(), result.stoppedAtEos());
            }
            done += batch.length;
            progress.accept(done);
        }
        return Arrays.asList(completions);
    }
}
