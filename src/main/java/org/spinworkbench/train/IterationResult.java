package org.spinworkbench.train;

import java.nio.file.Path;
import java.util.Map;

/** What one iteration left: its last training step's metrics, its held-out metrics, its model. */
public record IterationResult(int iteration, long steps, Map<String, Double> trainMetrics,
                              Map<String, Double> evalMetrics, Path model) {
}
