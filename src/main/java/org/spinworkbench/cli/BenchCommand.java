package org.spinworkbench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spinworkbench.lm.LoraAdapter;
import org.spinworkbench.lm.LoraConfig;
import org.spinworkbench.lm.NativeAllocator;
import org.spinworkbench.lm.ProcessMemory;
import org.spinworkbench.lm.hf.ModelBenchmark;
import org.spinworkbench.lm.hf.PretrainedModel;
import org.spinworkbench.train.TrainingBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bench}: how fast a model loads, generates and scores on this machine. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure a model's load time, generation, scoring and SPIN training tokens/s, the machine's"
                + " matmul ceiling, and memory.")
public final class BenchCommand implements Callable<Integer> {
    @Mixin
    ModelOptions model;

    @Option(names = "--prompt-tokens", paramLabel = "N", defaultValue = "32",
            description = "Prompt length for generation. Default: ${DEFAULT-VALUE}.")
    int promptTokens;

    @Option(names = "--new-tokens", paramLabel = "N", defaultValue = "64",
            description = "Tokens generated per prompt. Default: ${DEFAULT-VALUE}.")
    int newTokens;

    @Option(names = "--batch-sizes", paramLabel = "B,B", split = ",", defaultValue = "1,16",
            description = "Generation batch sizes. Default: ${DEFAULT-VALUE}.")
    List<Integer> batchSizes;

    @Option(names = "--score-tokens", paramLabel = "N", defaultValue = "128",
            description = "Prompt + response length for scoring (batch of 16). Default: ${DEFAULT-VALUE}.")
    int scoreTokens;

    @Option(names = "--train-pairs", paramLabel = "N", defaultValue = "8",
            description = "SPIN pairs per training step (each pair is 2 sequences); 0 skips training. Default: ${DEFAULT-VALUE}.")
    int trainPairs;

    @Option(names = "--train-tokens", paramLabel = "N", defaultValue = "128",
            description = "Tokens per training sequence. Default: ${DEFAULT-VALUE}.")
    int trainTokens;

    @Option(names = "--micro-batch-pairs", paramLabel = "N", defaultValue = "0",
            description = "Pairs per micro-batch of the training step, whose gradients are accumulated: less"
                    + " activation memory, the same update; 0: the whole step at once. Default: ${DEFAULT-VALUE}.")
    int microBatchPairs;

    @Option(names = "--matmul-size", paramLabel = "N", defaultValue = "1024",
            description = "Size of the square fp32 matrix product that measures the machine's ceiling. Default: ${DEFAULT-VALUE}.")
    int matmulSize;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "3",
            description = "Timed runs per figure, after one warm-up; the median is reported. Default: ${DEFAULT-VALUE}.")
    int repeats;

    @Option(names = "--lora-rank", paramLabel = "R", defaultValue = "0",
            description = "Time the SPIN step training LoRA adapters of rank R (base frozen); 0: every weight."
                    + " Default: ${DEFAULT-VALUE}.")
    int loraRank;

    @Option(names = "--lora-targets", paramLabel = "q_proj,v_proj,...", defaultValue = "q_proj,v_proj",
            description = "Projections with adapters when --lora-rank is set, or all-linear. Default: ${DEFAULT-VALUE}.")
    String loraTargets;

    @Option(names = "--gradient-checkpointing", description = "Time the SPIN step with gradient checkpointing per"
            + " decoder block.")
    boolean gradientCheckpointing;

    @Option(names = "--json", description = "One JSON object with every figure.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        requireWholeSequences("--score-tokens", scoreTokens);
        if (trainPairs > 0) {
            requireWholeSequences("--train-tokens", trainTokens);
        }
        PrintWriter status = spec.commandLine().getErr();
        long start = System.nanoTime();
        try (PretrainedModel loaded = model.load(status)) {
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            long residentAfterLoad = ProcessMemory.residentMiB();
            List<ModelBenchmark.Throughput> results = new ModelBenchmark(loaded).run(
                    new ModelBenchmark.Plan(promptTokens, newTokens, batchSizes, 16, scoreTokens, repeats));
            double ceiling = TrainingBenchmark.matmulCeiling(loaded.network().manager(), matmulSize, repeats);
            if (loraRank > 0) {
                LoraConfig lora = new LoraConfig(loraRank, LoraConfig.DEFAULT_ALPHA, 0,
                        LoraConfig.parseTargets(loraTargets));
                loaded.network().attach(LoraAdapter.initial(lora, loaded.config(), loaded.network().manager(), 1));
            }
            loaded.network().setGradientCheckpointing(gradientCheckpointing);
            long peakBeforeTraining = ProcessMemory.peakResidentMiB();
            boolean stepPeakKnown = trainPairs > 0 && ProcessMemory.restartPeak();
            TrainingBenchmark.Result training = trainPairs == 0 ? null : TrainingBenchmark.spinStep(loaded.network(),
                    loaded.padTokenId(), new TrainingBenchmark.Step(trainPairs, trainTokens, microBatchPairs), repeats,
                    ceiling);
            long stepPeak = stepPeakKnown ? ProcessMemory.peakResidentMiB() : -1; // the model loaded, its step running
            long peak = Math.max(peakBeforeTraining, ProcessMemory.peakResidentMiB());
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("model", model.model.toString());
                summary.put("parameters", loaded.config().parameterCount());
                summary.put("device", model.computeDevice().describe());
                summary.put("load_seconds", loadSeconds);
                summary.put("rss_after_load_mib", residentAfterLoad);
                summary.put("peak_rss_mib", peak);
                summary.put("native_allocator", NativeAllocator.describe());
                List<Map<String, Object>> rows = new ArrayList<>();
                for (ModelBenchmark.Throughput result : results) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("task", result.task());
                    row.put("batch_size", result.batchSize());
                    row.put("tokens_per_second", result.tokensPerSecond());
                    row.put("seconds_per_run", result.secondsPerRun());
                    rows.add(row);
                }
                if (training != null) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("task", loraRank > 0 ? "train_spin_lora" : "train_spin");
                    row.put("batch_size", training.pairs());
                    row.put("micro_batch_pairs", training.microBatchPairs());
                    row.put("tokens_per_second", training.tokensPerSecond());
                    row.put("seconds_per_run", training.secondsPerStep());
                    row.put("gflops_per_second", training.gflopsPerSecond());
                    row.put("share_of_matmul_ceiling", training.shareOfCeiling());
                    row.put("peak_rss_mib", stepPeak);
                    rows.add(row);
                }
                summary.put("throughput", rows);
                summary.put("matmul_ceiling_gflops", ceiling);
                out.println(Output.JSON.toJson(summary));
                return 0;
            }
            out.printf(Locale.ROOT, "load: %.2f s, resident memory after load %d MiB%n", loadSeconds, residentAfterLoad);
            for (ModelBenchmark.Throughput result : results) {
                String what = result.task().equals("generate")
                        ? String.format(Locale.ROOT, "generate (greedy, KV cache, %d+%d tokens)", promptTokens, newTokens)
                        : String.format(Locale.ROOT, "score (%d tokens per sequence)", scoreTokens);
                out.printf(Locale.ROOT, "%-45s batch %3d: %9.0f tokens/s (%.3f s per run)%n", what,
                        result.batchSize(), result.tokensPerSecond(), result.secondsPerRun());
            }
            if (training != null) {
                out.printf(Locale.ROOT, "%-45s batch %3d: %9.0f tokens/s (%.3f s per step), %.1f GFLOP/s = %.0f %% of"
                                + " the matmul ceiling%n",
                        String.format(Locale.ROOT, "train SPIN step%s (2 x %d tokens per pair%s)",
                                loraRank > 0 ? ", LoRA r " + loraRank : "", trainTokens,
                                training.microBatchPairs() < training.pairs()
                                        ? ", " + training.microBatchPairs() + " pairs a micro-batch" : ""),
                        training.pairs(), training.tokensPerSecond(), training.secondsPerStep(),
                        training.gflopsPerSecond(), 100 * training.shareOfCeiling());
                if (stepPeakKnown) {
                    out.printf(Locale.ROOT, "peak resident memory while training: %d MiB%n", stepPeak);
                }
            }
            out.printf(Locale.ROOT, "matmul ceiling (fp32, %d x %d): %.1f GFLOP/s%n", matmulSize, matmulSize, ceiling);
            out.printf(Locale.ROOT, "peak resident memory: %d MiB (native allocator: %s)%n", peak,
                    NativeAllocator.describe());
            return 0;
        }
    }

    /** A benchmark sequence is a quarter prompt, the rest response: both need a token. */
    private void requireWholeSequences(String option, int tokens) {
        if (tokens < TrainingBenchmark.FEWEST_SEQUENCE_TOKENS) {
            throw new ParameterException(spec.commandLine(), option + " must be at least "
                    + TrainingBenchmark.FEWEST_SEQUENCE_TOKENS + " (a quarter of each sequence is its prompt, the rest its"
                    + " response), found " + tokens + ".");
        }
    }
}
