package org.spinworkbench.store;

/**
 * What a run is launched with, recorded before it starts so it can be reproduced and
 * resumed: the models and datasets of its project, every hyper-parameter as JSON, the seed.
 * {@code evalDatasetId} is null when evaluation uses a held-out split of the training data;
 * {@code baseModelId} and {@code datasetId} are null only for runs set up outside the workbench.
 */
public record RunPlan(long projectId, RunKind kind, Long baseModelId, Long datasetId, Long evalDatasetId,
                      String configJson, long seed) {
    /** The registered model and datasets a run starts from; the eval dataset is null for a held-out split. */
    public record Inputs(Long baseModelId, Long datasetId, Long evalDatasetId) {
    }

    public static RunPlan of(long projectId, RunKind kind, Inputs inputs, String configJson, long seed) {
        return new RunPlan(projectId, kind, inputs.baseModelId(), inputs.datasetId(), inputs.evalDatasetId(),
                configJson, seed);
    }
}
