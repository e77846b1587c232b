package org.spinworkbench.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.spinworkbench.data.DatasetFormat;
import org.spinworkbench.train.TrainingConfig;

/**
 * The {@code spin} command that starts the same run as a {@link RunSpec}: every setting
 * spelled out (not left to defaults, which may change), for users who put the run in a script
 * or start it on another machine. Starting it records exactly this spec again.
 */
public final class SpinCommandLine {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private SpinCommandLine() {
    }

    /** The command's words after the program name, starting with {@code spin}. */
    public static List<String> arguments(RunSpec spec) {
        TrainingConfig training = spec.training();
        if (training.kind() != TrainingConfig.Kind.SPIN) {
            throw new IllegalArgumentException("only a SPIN run is started with the spin command");
        }
        List<String> words = new ArrayList<>(List.of("spin", "--project", spec.project(), "--model", spec.baseModel(),
                "--data", spec.dataset()));
        if (spec.datasetFormat() != null) {
            add(words, "--format", DatasetFormat.valueOf(spec.datasetFormat()).id());
        }
        if (spec.evalDataset() != null) {
            add(words, "--eval-data", spec.evalDataset());
        } else if (spec.evalSize() > 0) {
            add(words, "--eval-size", Integer.toString(spec.evalSize()));
        } else {
            add(words, "--eval-fraction", Decimals.text(spec.evalFraction()));
        }
        if (spec.skipBadRows()) {
            words.add("--skip-bad-rows");
        }
        if (spec.accuracyData() != null) {
            add(words, "--accuracy-data", spec.accuracyData());
        }
        add(words, "--iterations", Integer.toString(training.iterations()));
        add(words, "--epochs", Integer.toString(training.epochs()));
        add(words, "--beta", Decimals.text(training.beta()));
        add(words, "--loss", lower(training.loss()));
        add(words, "--lr", Decimals.text(training.learningRate()));
        add(words, "--weight-decay", Decimals.text(training.weightDecay()));
        add(words, "--warmup-ratio", Decimals.text(training.warmupRatio()));
        add(words, "--schedule", lower(training.schedule()));
        add(words, "--batch-size", Integer.toString(training.batchSize()));
        add(words, "--grad-accum", Integer.toString(training.gradientAccumulation()));
        add(words, "--max-grad-norm", Decimals.text(training.maxGradNorm()));
        add(words, "--max-length", Integer.toString(training.maxLength()));
        add(words, "--max-prompt-length", Integer.toString(training.maxPromptLength()));
        add(words, "--max-new-tokens", Integer.toString(training.maxNewTokens()));
        add(words, "--temperature", Decimals.text(training.temperature()));
        add(words, "--top-p", Decimals.text(training.topP()));
        if (training.mixPrevious()) {
            words.add("--mix-previous");
        }
        if (training.useDataGenerated()) {
            words.add("--use-data-generated");
        }
        if (training.raw()) {
            words.add("--raw");
        }
        add(words, "--bos", training.format().bos().id());
        add(words, "--prompt-turns", training.format().turns().id());
        add(words, "--nll-alpha", Decimals.text(training.nllAlpha()));
        add(words, "--kl-anchor", Decimals.text(training.klAnchor()));
        add(words, "--opponents", Integer.toString(training.opponents()));
        training.loraSettings().ifPresent(lora -> {
            add(words, "--lora-rank", Integer.toString(lora.rank()));
            add(words, "--lora-alpha", Decimals.text(lora.alpha()));
            add(words, "--lora-dropout", Decimals.text(lora.dropout()));
            add(words, "--lora-targets", String.join(",", lora.targets()));
        });
        if (training.gradientCheckpointing()) {
            words.add("--gradient-checkpointing");
        }
        add(words, "--seed", Long.toString(training.seed()));
        add(words, "--save-steps", Integer.toString(training.saveSteps()));
        return words;
    }

    /** One line for a POSIX shell: {@code spin-workbench spin --project 'My runs' …}. */
    public static String shell(RunSpec spec) {
        StringBuilder line = new StringBuilder("spin-workbench");
        for (String word : arguments(spec)) {
            line.append(' ').append(quoted(word));
        }
        return line.toString();
    }

    static String quoted(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    private static void add(List<String> words, String option, String value) {
        words.add(option);
        words.add(value);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
