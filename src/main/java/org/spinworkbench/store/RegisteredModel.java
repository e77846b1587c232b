package org.spinworkbench.store;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A model known to a project: a base model the user picked or one a run produced, kept in
 * Hugging Face layout at {@code path}. {@code parameterCount} is null until it has been
 * counted; {@code configJson} is the folder's {@code config.json} as it was registered.
 */
public record RegisteredModel(long id, long projectId, String name, Path path, String architecture,
                              Long parameterCount, String configJson, String contentHash,
                              Instant registeredAt) {
}
