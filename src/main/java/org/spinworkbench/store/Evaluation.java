package org.spinworkbench.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scores of the model iteration {@code iteration} produced (0: the base model) on one
 * dataset; {@code datasetId} is null for the held-out split of the run's own dataset.
 * Metrics keep their reference names ({@code eval_loss}, ...) and the order they came in;
 * a NaN value means the evaluation diverged.
 */
public record Evaluation(long id, long runId, int iteration, Long datasetId, Map<String, Double> metrics,
                         Instant evaluatedAt) {
    public Evaluation {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
