package org.spinworkbench.store;

/**
 * What a run is launched with, recorded before it starts so it can be reproduced and
 * resumed: the models and datasets of its project, every hyper-parameter as JSON, the seed.
 * {@code evalDatasetId} is null when evaluation uses a held-out split of the training data;
 * {@code baseModelId} and {@code datasetId} are null only for runs set up outside the workbench.
 */
public record RunPlan(long projectId, RunKind kind, Long baseModelId, Long datasetId, Long evalDatasetId,
                      String configJson, long seed) {
}
