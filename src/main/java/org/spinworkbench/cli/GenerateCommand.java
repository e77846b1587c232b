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
import org.spinworkbench.lm.SamplingOptions;
import org.spinworkbench.lm.hf.Completion;
import org.spinworkbench.lm.hf.PretrainedModel;
import org.spinworkbench.lm.hf.TextGenerator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code generate}: continue prompts with a model, greedy or sampled. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate responses to prompts with a model. Prompts go through the model's chat"
                + " template unless --raw is given.")
public final class GenerateCommand implements Callable<Integer> {
    @Mixin
    ModelOptions model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Prompts prompts;

    static final class Prompts {
        @Option(names = "--prompt", paramLabel = "TEXT", description = "One prompt.")
        String text;

        @Option(names = "--input", paramLabel = "FILE.jsonl", description = "Prompts, one {\"prompt\": ...} per line.")
        Path file;
    }

    @Option(names = "--output", paramLabel = "FILE", description = "Write results here instead of standard output.")
    Path output;

    @Option(names = "--raw", description = "No chat template and no special tokens: tokenise the prompt as it is.")
    boolean raw;

    @Option(names = "--max-new-tokens", paramLabel = "N", defaultValue = "256",
            description = "Most tokens to generate per prompt. Default: ${DEFAULT-VALUE}.")
    int maxNewTokens;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "0",
            description = "0 = greedy; higher = more random. Default: ${DEFAULT-VALUE}.")
    double temperature;

    @Option(names = "--top-k", paramLabel = "K", defaultValue = "0",
            description = "Sample among the K most likely tokens; 0 = all. Default: ${DEFAULT-VALUE}.")
    int topK;

    @Option(names = "--top-p", paramLabel = "P", defaultValue = "1.0",
            description = "Sample among the most likely tokens whose probability reaches P. Default: ${DEFAULT-VALUE}.")
    double topP;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed for sampling; the same seed gives the same text. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--batch-size", paramLabel = "B", defaultValue = "16",
            description = "Prompts generated together. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--json", description = "One JSON object per prompt: {\"prompt\", \"text\", \"token_ids\"}.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        SamplingOptions options = new SamplingOptions(maxNewTokens, temperature, topK, topP, seed, true);
        List<String> texts = prompts.text != null ? List.of(prompts.text)
                : JsonLines.read(prompts.file).stream().map(line -> line.text(prompts.file, "prompt")).toList();
        PrintWriter status = spec.commandLine().getErr();
        try (PretrainedModel loaded = model.load(status); Output out = Output.to(output, spec.commandLine().getOut())) {
            ProgressBar progress = ProgressBar.onConsole(status);
            progress.start("generating");
            long start = System.nanoTime();
            List<Completion> completions = new TextGenerator(loaded).generate(texts, raw, options, batchSize,
                    done -> progress.update(done, texts.size(), ""));
            double seconds = (System.nanoTime() - start) / 1e9;
            progress.clear();
            long tokens = 0;
            for (int i = 0; i < completions.size(); i++) {
                Completion completion = completions.get(i);
                tokens += completion.tokenIds().length;
                print(out, completion, i, completions.size());
            }
            status.printf(Locale.ROOT, "%d prompt(s), %d new tokens in %.2f s (%.0f tokens/s)%n",
                    completions.size(), tokens, seconds, tokens / Math.max(seconds, 1e-9));
            return 0;
        }
    }

    private void print(Output out, Completion completion, int index, int count) {
        if (json) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("prompt", completion.prompt());
            line.put("text", completion.text());
            line.put("token_ids", completion.tokenIds());
            line.put("finish_reason", completion.stoppedAtEos() ? "eos" : "length");
            out.jsonLine(line);
        } else if (count == 1) {
            out.writer().println(completion.text());
        } else {
            out.writer().println("### " + (index + 1) + ": " + completion.prompt());
            out.writer().println(completion.text());
            out.writer().println();
        }
    }
}
