package org.spinworkbench.ui.comparison;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A run offered for comparison: its curves, how it is named, and whether its box is ticked. */
public final class RunChoice {
    private final RunMetrics metrics;
    private final String label;
    private final BooleanProperty selected = new SimpleBooleanProperty();

    RunChoice(RunMetrics metrics, String label, boolean selected) {
        this.metrics = metrics;
        this.label = label;
        this.selected.set(selected);
    }

    public long runId() {
        return metrics.runId();
    }

    /** "Run 3 · SPIN · β 0.1": the series' name in the legend and the table. */
    public String label() {
        return label;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    RunMetrics metrics() {
        return metrics;
    }

    @Override
    public String toString() {
        return label;
    }
}
