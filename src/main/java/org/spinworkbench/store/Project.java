package org.spinworkbench.store;

import java.time.Instant;

/** A project: a base model, its datasets and every run made from them. */
public record Project(long id, String name, String description, String folder,
                      Instant createdAt, Instant updatedAt) {
}
