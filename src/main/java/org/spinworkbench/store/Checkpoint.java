package org.spinworkbench.store;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A saved model (and optimiser state) of a run at an iteration and optimiser step, in
 * Hugging Face layout at {@code path}. Resume and export start from these.
 */
public record Checkpoint(long id, long runId, int iteration, long step, Path path, long sizeBytes,
                         String contentHash, Instant createdAt) {
}
