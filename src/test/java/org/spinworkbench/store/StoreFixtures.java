package org.spinworkbench.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** What the repository tests set up again and again: a workspace's project, its model, data and a run. */
final class StoreFixtures {
    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    /** A run set up outside the workbench: no registered model or datasets. */
    static final RunPlan.Inputs NO_INPUTS = new RunPlan.Inputs(null, null, null);

    static final String CONFIG_JSON = "{\"beta\":0.1,\"learning_rate\":5.0E-7,\"epochs\":2}";

    private StoreFixtures() {
    }

    static Clock fixedClock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    static RegisteredModel model(Workspace workspace, Project project) {
        return workspace.models().register(project.id(), "tiny-llama", Path.of("/models/tiny-llama"),
                "LlamaForCausalLM", 1_100_000L, "{\"hidden_size\":64}", "a".repeat(64));
    }

    static RegisteredDataset dataset(Workspace workspace, Project project) {
        return workspace.datasets().register(project.id(), "ultrachat-50", Path.of("/data/ultrachat-50.jsonl"),
                "messages", "b".repeat(64), 50);
    }

    /** A SPIN run of the project on a freshly registered model and dataset. */
    static Run spinRun(Workspace workspace, Project project) {
        RegisteredModel model = model(workspace, project);
        RegisteredDataset dataset = dataset(workspace, project);
        return workspace.runs().create(RunPlan.of(project.id(), RunKind.SPIN,
                new RunPlan.Inputs(model.id(), dataset.id(), null), CONFIG_JSON, 42L));
    }

    static Sample sample(long iterationId, Split split, int exampleIndex) {
        return Sample.of(new Sample.Key(iterationId, split, exampleIndex), new Sample.Texts("Prompt " + exampleIndex,
                "Real answer " + exampleIndex, "Synthetic answer " + exampleIndex, 10 + exampleIndex, 12 + exampleIndex),
                SampleScores.NONE);
    }

    /** Counts a table's rows directly, bypassing the repositories under test. */
    static long count(Workspace workspace, String table) {
        return workspace.database().read(c -> Jdbc.first(c, "SELECT count(*) FROM " + table,
                row -> row.getLong(1)).orElseThrow());
    }
}
