package org.spinworkbench.store;

import java.time.Instant;

/**
 * A SPIN or SFT run as recorded: its plan, where it stands, and when it started and ended.
 * {@code message} says why a run failed or stopped; it is null while all is well.
 */
public record Run(long id, long projectId, RunKind kind, RunStatus status, Long baseModelId, Long datasetId,
                  Long evalDatasetId, String configJson, long seed, String message,
                  Instant createdAt, Instant startedAt, Instant finishedAt) {
}
