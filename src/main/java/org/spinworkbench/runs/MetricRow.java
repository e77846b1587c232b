package org.spinworkbench.runs;

import java.util.Objects;

/** One point of a metric's curve as the dashboard draws it and the CSV holds it: where in the run, and its value. */
public record MetricRow(String metric, int iteration, long step, long globalStep, double value) {
    public MetricRow {
        Objects.requireNonNull(metric, "metric");
    }
}
