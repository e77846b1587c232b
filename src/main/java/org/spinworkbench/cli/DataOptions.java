package org.spinworkbench.cli;

import java.nio.file.Path;
import org.spinworkbench.data.DatasetFormat;
import org.spinworkbench.runs.RunSpec;
import org.spinworkbench.train.TrainingConfig;
import picocli.CommandLine.Option;

/** Which data a run trains and evaluates on. */
public final class DataOptions {
    @Option(names = "--data", paramLabel = "FILE", description = "Training data: SPIN layout (JSON, JSONL, Parquet),"
            + " chat messages JSONL, Alpaca, ShareGPT, or prompt/response JSONL or CSV.")
    Path data;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "spin, messages, alpaca, sharegpt or prompt_response; detected when left out.")
    String format;

    @Option(names = "--eval-data", paramLabel = "FILE", description = "Held-out data; else part of --data is held out.")
    Path evalData;

    @Option(names = "--eval-fraction", paramLabel = "F", defaultValue = "" + RunSpec.DEFAULT_EVAL_FRACTION,
            description = "Share of --data held out when there is no --eval-data. Default: ${DEFAULT-VALUE}.")
    double evalFraction;

    @Option(names = "--eval-size", paramLabel = "N", defaultValue = "0",
            description = "Number of examples held out instead of a fraction (0: use --eval-fraction).")
    int evalSize;

    @Option(names = "--skip-bad-rows", description = "Skip malformed rows (each is reported) instead of stopping at the first.")
    boolean skipBadRows;

    @Option(names = "--accuracy-data", paramLabel = "FILE", description = "Questions with checkable answers"
            + " ({\"prompt\", \"task\", \"answer\"} rows, as demo-data writes): each iteration's model and the base"
            + " model are scored on them (eval_accuracy).")
    Path accuracyData;

    @Option(names = "--project", paramLabel = "NAME", defaultValue = "Default",
            description = "Workspace project to record the run in (created if missing). Default: ${DEFAULT-VALUE}.")
    String project;

    /** The format's enum name, checked; null when it is to be detected. */
    String formatName() {
        return format == null ? null : DatasetFormat.fromId(format).name();
    }

    /** The run these options describe, training {@code base} with {@code training}; paths recorded absolute. */
    RunSpec spec(Path base, TrainingConfig training) {
        return RunSpec.builder()
                .setProject(project)
                .setBaseModel(absolute(base))
                .setDataset(absolute(data))
                .setTraining(training)
                .optDatasetFormat(formatName())
                .optEvalDataset(absolute(evalData))
                .optEvalFraction(evalFraction)
                .optEvalSize(evalSize)
                .optSkipBadRows(skipBadRows)
                .optAccuracyData(absolute(accuracyData))
                .build();
    }

    static String absolute(Path path) {
        return path == null ? null : path.toAbsolutePath().normalize().toString();
    }
}
