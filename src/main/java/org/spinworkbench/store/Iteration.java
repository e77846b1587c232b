package org.spinworkbench.store;

import java.time.Instant;

/** Iteration {@code iteration} (1-based) of a run: it trains model t from model t-1. */
public record Iteration(long id, long runId, int iteration, IterationStatus status,
                        Instant startedAt, Instant finishedAt) {
}
