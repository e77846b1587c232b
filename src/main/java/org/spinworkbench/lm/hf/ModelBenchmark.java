package org.spinworkbench.lm.hf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.spinworkbench.lm.Generator;
import org.spinworkbench.lm.SamplingOptions;
import org.spinworkbench.lm.Scorer;

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
            double seconds = median(plan.repeats(), () -> generator.generate(prompts, greedy, 0));
            results.add(new Throughput("generate", batchSize, (double) batchSize * plan.newTokens() / seconds, seconds));
        }
        Scorer scorer = new Scorer(model.network(), model.padTokenId());
        int promptLength = plan.scoreTokens() / 4;
        List<int[]> prompts = randomSequences(plan.scoreBatchSize(), promptLength, 2);
        List<int[]> responses = randomSequences(plan.scoreBatchSize(), plan.scoreTokens() - promptLength, 3);
        double seconds = median(plan.repeats(), () -> scorer.score(prompts, responses));
        results.add(new Throughput("score", plan.scoreBatchSize(),
                (double) plan.scoreBatchSize() * plan.scoreTokens() / seconds, seconds));
        return results;
    }

    /** Resident and peak resident memory of this process in MiB, from /proc (Linux); -1 elsewhere. */
    public static long[] residentMemoryMiB() {
        try {
            long resident = -1;
            long peak = -1;
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    resident = kibibytes(line) / 1024;
                } else if (line.startsWith("VmHWM:")) {
                    peak = kibibytes(line) / 1024;
                }
            }
            return new long[] {resident, peak};
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }

    private static long kibibytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
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

    private static double median(int repeats, Runnable work) {
        work.run(); // warm-up: first-call allocations and libtorch's kernel selection
        double[] seconds = new double[Math.max(1, repeats)];
        for (int i = 0; i < seconds.length; i++) {
            long start = System.nanoTime();
            work.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[seconds.length / 2];
    }
}
