package org.spinworkbench.store;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A dataset file known to a project. {@code format} names the layout it was read as
 * ({@code spin}, {@code messages}, {@code alpaca}, {@code sharegpt}, {@code prompt_response});
 * the data package owns those names, the store only keeps them.
 */
public record RegisteredDataset(long id, long projectId, String name, Path path, String format,
                                String contentHash, long rowCount, Instant registeredAt) {
}
