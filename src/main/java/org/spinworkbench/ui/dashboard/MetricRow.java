package org.spinworkbench.ui.dashboard;

import java.util.Objects;

/** One point of a metric's curve as the dashboard draws and exports it: where in the run, and its value. */
record MetricRow(String metric, int iteration, long step, long globalStep, double value) {
    MetricRow {
        Objects.requireNonNull(metric, "metric");
    }
}
