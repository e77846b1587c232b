package org.spinworkbench.lm.hf;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.spinworkbench.lm.Generator;
import org.spinworkbench.lm.SamplingOptions;
import org.spinworkbench.lm.Scorer;
import org.spinworkbench.lm.Timing;

/**
 * Throughput of a loaded model: greedy generation with the KV cache at given batch sizes,
 * and scoring of padded batches. Inputs are random token ids of fixed lengths, so every
 * run does the same work; each figure is the median of several timed runs after a warm-up.
 */
public final class ModelBenchmark {
    /** What to measure. */
    public record Plan(int promptTokens, int newTokens, List<Integer> batchSizes, int scoreBatchSize,
                       int scoreTokens, int repeats) {
    }

    /** Tokens per second of one configuration. */
    public record Throughput(String task, int batchSize, double tokensPerSecond, double secondsPerRun) {
    }

    private final PretrainedModel model;

    public ModelBenchmark(PretrainedModel model) {
        this.model = model;
    }

    public List<Throughput> run(Plan plan) {
        List<Throughput> results = new ArrayList<>();
        Generator generator = new Generator(model.network(), model.eosTokenIds(), model.padTokenId());
        SamplingOptions greedy = SamplingOptions.greedy(plan.newTokens()).withoutEosStop();
        for (int batchSize : plan.batchSizes()) {
            List<int[]> prompts = randomSequences(batchSize, plan.promptTokens(), 1);
            double seconds = Timing.median(plan.repeats(), () -> generator.generate(prompts, greedy, 0));
            results.add(new Throughput("generate", batchSize, (double) batchSize * plan.newTokens() / seconds, seconds));
        }
        Scorer scorer = new Scorer(model.network(), model.padTokenId());
        int promptLength = plan.scoreTokens() / 4;
        List<int[]> prompts = randomSequences(plan.scoreBatchSize(), promptLength, 2);
        List<int[]> responses = randomSequences(plan.scoreBatchSize(), plan.scoreTokens() - promptLength, 3);
        double seconds = Timing.median(plan.repeats(), () -> scorer.score(prompts, responses));
        results.add(new Throughput("score", plan.scoreBatchSize(),
                (double) plan.scoreBatchSize() * plan.scoreTokens() / seconds, seconds));
        return results;
    }


    private List<int[]> randomSequences(int count, int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int vocabulary = Math.min(model.tokenizer().vocabSize(), model.config().vocabSize());
        List<int[]> sequences = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sequences.add(random.ints(length, 0, vocabulary).toArray());
        }
        return sequences;
    }
}
