package org.spinworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spinworkbench.data.JsonLines;
import org.spinworkbench.lm.hf.PretrainedModel;
import org.spinworkbench.lm.hf.PromptResponse;
import org.spinworkbench.lm.hf.ResponseScore;
import org.spinworkbench.lm.hf.TextScorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code score}: log p(response | prompt) for each line of a file. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score responses: the sum of the log-probabilities of the response tokens given the prompt.")
public final class ScoreCommand implements Callable<Integer> {
    @Mixin
    ModelOptions model;

    @Option(names = "--input", paramLabel = "FILE.jsonl", required = true,
            description = "One {\"prompt\": ..., \"response\": ...} per line.")
    Path input;

    @Option(names = "--output", paramLabel = "FILE", description = "Write results here instead of standard output.")
    Path output;

    @Option(names = "--raw", description = "No chat template: prompt and response texts joined, tokenised as one and split where the prompt ends.")
    boolean raw;

    @Option(names = "--batch-size", paramLabel = "B", defaultValue = "16",
            description = "Pairs scored together. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--json", description = "One JSON object per line: {\"logp\", \"tokens\"}.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<PromptResponse> pairs = JsonLines.read(input).stream()
                .map(line -> new PromptResponse(line.text(input, "prompt"), line.text(input, "response")))
                .toList();
        PrintWriter status = spec.commandLine().getErr();
        try (PretrainedModel loaded = model.load(status); Output out = Output.to(output, spec.commandLine().getOut())) {
            long start = System.nanoTime();
            List<ResponseScore> scores = new TextScorer(loaded).score(pairs, raw, batchSize);
            double seconds = (System.nanoTime() - start) / 1e9;
            long tokens = 0;
            for (ResponseScore score : scores) {
                tokens += score.tokens();
                if (json) {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("logp", score.logp());
                    line.put("tokens", score.tokens());
                    out.jsonLine(line);
                } else {
                    out.writer().printf(Locale.ROOT, "%.6f\t%d%n", score.logp(), score.tokens());
                }
            }
            status.printf(Locale.ROOT, "%d pair(s), %d response tokens in %.2f s%n", scores.size(), tokens, seconds);
            return 0;
        }
    }
}
