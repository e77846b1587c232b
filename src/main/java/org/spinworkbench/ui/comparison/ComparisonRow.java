package org.spinworkbench.ui.comparison;

import java.util.Map;

/** One iteration of one run in the comparison table: each column's value, absent where the run has none. */
public record ComparisonRow(long runId, int iteration, Map<String, Double> values) {
    public ComparisonRow {
        values = Map.copyOf(values);
    }
}
