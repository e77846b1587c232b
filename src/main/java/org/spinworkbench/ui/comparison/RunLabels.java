package org.spinworkbench.ui.comparison;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.spinworkbench.runs.Decimals;
import org.spinworkbench.ui.common.Messages;

/**
 * Names the compared runs by what sets them apart: "Run 3 · lr 0.0001 · 3 epochs" when the
 * ticked runs differ in learning rate and epochs, and nothing about the settings they share.
 * Settings are looked at in a fixed order, the ones a user varies most first.
 */
final class RunLabels {
    private RunLabels() {
    }

    /** A label per run id, in the order of {@code runs}. */
    static Map<Long, String> of(List<RunMetrics> runs, Messages messages) {
        List<Function<RunMetrics, String>> differing = new ArrayList<>();
        for (Function<RunMetrics, String> setting : settings(messages)) {
            Set<String> values = new HashSet<>();
            runs.forEach(run -> values.add(setting.apply(run)));
            if (values.size() > 1) {
                differing.add(setting);
            }
        }
        Map<Long, String> labels = new LinkedHashMap<>();
        for (RunMetrics run : runs) {
            StringBuilder label = new StringBuilder(messages.get("comparison.run", run.runId()));
            for (Function<RunMetrics, String> setting : differing) {
                String value = setting.apply(run);
                if (!value.isEmpty()) {
                    label.append(" · ").append(value);
                }
            }
            labels.put(run.runId(), label.toString());
        }
        return labels;
    }

    /** Each setting as the label shows it ("" where a run has it off); "?" where the configuration is unreadable. */
    private static List<Function<RunMetrics, String>> settings(Messages messages) {
        return List.of(
                run -> run.run().kind().name(),
                known(run -> messages.get("comparison.diff.data", fileName(run.spec().dataset()))),
                known(run -> messages.get("comparison.diff.model", fileName(run.spec().baseModel()))),
                known(run -> messages.get("comparison.diff.beta", Decimals.text(run.training().beta()))),
                known(run -> messages.get("comparison.diff.lr", Decimals.text(run.training().learningRate()))),
                known(run -> messages.get("comparison.diff.epochs", run.training().epochs())),
                known(run -> messages.get("comparison.diff.iterations", run.training().iterations())),
                known(run -> messages.get("comparison.diff.loss", run.training().loss().name().toLowerCase(Locale.ROOT))),
                known(run -> messages.get("comparison.diff.batch", run.training().batchSize()
                        * run.training().gradientAccumulation())),
                known(run -> messages.get("comparison.diff.maxLength", run.training().maxLength())),
                known(run -> run.training().nllAlpha() > 0
                        ? messages.get("comparison.diff.nll", Decimals.text(run.training().nllAlpha())) : ""),
                known(run -> run.training().klAnchor() > 0
                        ? messages.get("comparison.diff.kl", Decimals.text(run.training().klAnchor())) : ""),
                known(run -> run.training().opponents() > 1
                        ? messages.get("comparison.diff.opponents", run.training().opponents()) : ""),
                known(run -> run.training().loraSettings()
                        .map(lora -> messages.get("comparison.diff.lora", lora.describe())).orElse("")),
                known(run -> messages.get("comparison.diff.seed", run.training().seed())));
    }

    private static Function<RunMetrics, String> known(Function<RunMetrics, String> setting) {
        return run -> run.spec() == null ? "?" : setting.apply(run);
    }

    private static String fileName(String path) {
        Path name = Path.of(path).getFileName();
        return name == null ? path : name.toString();
    }
}
