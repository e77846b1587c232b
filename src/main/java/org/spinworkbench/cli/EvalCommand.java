package org.spinworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spinworkbench.data.DatasetFormat;
import org.spinworkbench.data.DatasetReader;
import org.spinworkbench.data.LoadedDataset;
import org.spinworkbench.data.ProblemPolicy;
import org.spinworkbench.data.PromptTurns;
import org.spinworkbench.data.tasks.CheckedExample;
import org.spinworkbench.lm.hf.PretrainedModel;
import org.spinworkbench.train.LengthCheck;
import org.spinworkbench.train.ModelEvaluation;
import org.spinworkbench.train.TaskAccuracy;
import org.spinworkbench.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code eval}: how well a model predicts a dataset's real responses. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a model on a dataset: loss per response token, mean log-probability, perplexity.")
public final class EvalCommand implements Callable<Integer> {
    @Mixin
    ModelOptions model;

    @Option(names = "--data", paramLabel = "FILE", required = true, description = "Any supported dataset format.")
    Path data;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Detected when left out.")
    String format;

    @Option(names = "--skip-bad-rows", description = "Skip malformed rows (each is reported) instead of stopping.")
    boolean skipBadRows;

    @Option(names = "--accuracy", description = "Also generate an answer to every prompt and check it (rows need"
            + " \"task\" and \"answer\", as demo-data writes): eval_accuracy, overall and per task.")
    boolean accuracy;

    @Option(names = "--raw", description = "No chat template.")
    boolean raw;

    @Option(names = "--batch-size", paramLabel = "B", defaultValue = "16", description = "Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--json", description = "One JSON object with every metric.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter status = spec.commandLine().getErr();
        TrainingConfig config = TrainingConfig.spinDefaults().forEvaluation(batchSize, raw);
        LoadedDataset dataset = DatasetReader.read(data, format == null ? null : DatasetFormat.fromId(format),
                skipBadRows ? ProblemPolicy.SKIP : ProblemPolicy.STOP, PromptTurns.CONVERSATION,
                LengthCheck.of(config.maxLength()));
        status.println(dataset.describe());
        try (PretrainedModel loaded = model.load(status)) {
            Map<String, Double> metrics = new LinkedHashMap<>(
                    ModelEvaluation.realResponses(loaded, dataset.examples(), config));
            if (accuracy) {
                metrics.putAll(TaskAccuracy.metrics(TaskAccuracy.measure(loaded, CheckedExample.read(data), raw,
                        batchSize)));
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> summary = new LinkedHashMap<>(metrics);

                summary.put("examples", dataset.examples().size());
                out.println(Output.JSON.toJson(summary));
            } else {
                out.printf(Locale.ROOT, "%d examples%n", dataset.examples().size());
                metrics.forEach((name, value) -> out.printf(Locale.ROOT, "%-18s %.6f%n", name, value));
            }
            return 0;
        }
    }
}
