package org.spinworkbench.store;

import java.util.Objects;

/**
 * One value of a named metric ({@code loss}, {@code rewards/margins}, {@code eval_loss}, ...)
 * at an optimiser step, counted from the start of the run. {@code value} may be NaN or
 * infinite: a diverging run is exactly when the curve matters.
 */
public record MetricPoint(int iteration, long step, String name, double value) {
    public MetricPoint {
        Objects.requireNonNull(name, "name");
    }
}
