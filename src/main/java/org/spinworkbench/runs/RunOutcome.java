package org.spinworkbench.runs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.spinworkbench.store.RunStatus;

/** How a run ended, with every completed iteration's metrics and model. */
public record RunOutcome(long runId, RunStatus status, String message, List<IterationSummary> iterations) {

    /** An iteration's last training metrics and its held-out metrics, and where its model is. */
    public record IterationSummary(int iteration, Map<String, Double> metrics, Path checkpoint) {
    }
}
