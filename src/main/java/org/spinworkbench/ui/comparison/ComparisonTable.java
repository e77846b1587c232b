package org.spinworkbench.ui.comparison;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The per-iteration table under the chart: a row per run and iteration, with the chosen
 * metric, its training or held-out counterpart, and the headline metrics any of the runs
 * recorded. Iteration 0 is the base model, which has held-out scores only.
 */
final class ComparisonTable {
    /** What every comparison shows when the runs have it: the objective, its rewards, and how the models score. */
    static final List<String> HEADLINE = List.of("loss", "rewards/margins", "rewards/accuracies", "eval_loss",
            "eval_rewards/margins", "eval_rewards/accuracies", "eval_accuracy");
    static final String EVAL_PREFIX = "eval_";

    private ComparisonTable() {
    }

    /** The columns after run and iteration, in order; only metrics some run recorded. */
    static List<String> columns(List<RunMetrics> runs, String chosen) {
        Set<String> recorded = new LinkedHashSet<>();
        runs.forEach(run -> recorded.addAll(run.names()));
        Set<String> columns = new LinkedHashSet<>();
        if (chosen != null && recorded.contains(chosen)) {
            columns.add(chosen);
            String counterpart = chosen.startsWith(EVAL_PREFIX) ? chosen.substring(EVAL_PREFIX.length())
                    : EVAL_PREFIX + chosen;
            if (recorded.contains(counterpart)) {
                columns.add(counterpart);
            }
        }
        HEADLINE.stream().filter(recorded::contains).forEach(columns::add);
        return new ArrayList<>(columns);
    }

    /** Rows of the runs in the order given, each run's iterations in order. */
    static List<ComparisonRow> rows(List<RunMetrics> runs, List<String> columns) {
        List<ComparisonRow> rows = new ArrayList<>();
        for (RunMetrics run : runs) {
            Map<String, Map<Integer, Double>> byColumn = new HashMap<>();
            for (String column : columns) {
                byColumn.put(column, run.lastPerIteration(column));
            }
            for (int iteration : run.iterations(columns)) {
                Map<String, Double> values = new HashMap<>();
                for (String column : columns) {
                    Double value = byColumn.get(column).get(iteration);
                    if (value != null) {
                        values.put(column, value);
                    }
                }
                rows.add(new ComparisonRow(run.runId(), iteration, values));
            }
        }
        return rows;
    }
}
