package org.spinworkbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An iteration's curve replaced whole, as an imported iteration brings it: the other iterations keep theirs. */
class MetricRepositoryReplaceTest {
    @TempDir
    Path dir;

    @Test
    void replacingAnIterationLeavesTheOthersAsTheyWere() {
        try (Workspace workspace = Workspace.open(dir.resolve("ws"))) {
            long project = workspace.projects().create("P", "").id();
            long model = workspace.models().register(project, "m", dir, "LlamaForCausalLM", 1L, "{}", "h").id();
            long data = workspace.datasets().register(project, "d", dir.resolve("d"), "spin", "h", 1).id();
            long run = workspace.runs().create(RunPlan.of(project, RunKind.SPIN, new RunPlan.Inputs(model, data, null), "{}", 1)).id();
            MetricRepository metrics = workspace.metrics();
            metrics.recordAll(run, List.of(new MetricPoint(1, 1, "loss", 0.7), new MetricPoint(2, 1, "loss", 0.6),
                    new MetricPoint(2, 2, "loss", 0.5), new MetricPoint(2, 3, "grad_norm", 1.5)));

            metrics.replaceIteration(run, 2, List.of(new MetricPoint(2, 1, "loss", 0.4), new MetricPoint(2, 2, "loss",
                    0.3)));

            assertEquals(List.of(new MetricPoint(1, 1, "loss", 0.7), new MetricPoint(2, 1, "loss", 0.4),
                    new MetricPoint(2, 2, "loss", 0.3)), metrics.series(run, "loss"));
            assertEquals(List.of("loss"), metrics.names(run), "the partial attempt's other metrics are gone too");
            assertThrows(IllegalArgumentException.class, () ->
                    metrics.replaceIteration(run, 2, List.of(new MetricPoint(1, 9, "loss", 0.1))));
        }
    }
}
