package org.spinworkbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleting a project removes everything recorded under it, and nothing of any other project. */
class ProjectDeletionCascadeTest {
    static final List<String> TABLES = List.of("models", "datasets", "runs", "iterations", "samples", "metrics",
            "evaluations", "checkpoints");

    @TempDir
    Path dir;
    Workspace workspace;

    @BeforeEach
    void open() {
        workspace = Workspace.open(dir, StoreFixtures.fixedClock());
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void deletingAProjectCascadesToEveryTableBelowIt() {
        Project doomed = workspace.projects().create("Doomed", "");
        Project kept = workspace.projects().create("Kept", "");
        fillWithAWholeRun(doomed);
        Run keptRun = fillWithAWholeRun(kept);
        Map<String, Long> before = counts();

        workspace.projects().delete(doomed);

        Map<String, Long> after = counts();
        for (String table : TABLES) {
            assertTrue(before.get(table) > 0, table + " was filled");
            assertEquals(before.get(table) / 2, after.get(table), table + " keeps only the other project's rows");
        }
        assertEquals(1, StoreFixtures.count(workspace, "projects"));
        Iteration keptIteration = workspace.iterations().find(keptRun.id(), 1).orElseThrow();
        assertEquals(3, workspace.samples().count(keptIteration.id(), Split.TRAIN));
        assertEquals(List.of("loss", "rewards/margins"), workspace.metrics().names(keptRun.id()));
    }

    /** A project as a finished two-iteration SPIN run leaves it, with an SFT control run beside it. */
    private Run fillWithAWholeRun(Project project) {
        Run spin = StoreFixtures.spinRun(workspace, project);
        RegisteredDataset eval = StoreFixtures.dataset(workspace, project);
        workspace.runs().create(RunPlan.of(project.id(), RunKind.SFT,
                new RunPlan.Inputs(spin.baseModelId(), spin.datasetId(), eval.id()), "{}", 1));
        for (int t = 1; t <= 2; t++) {
            Iteration iteration = workspace.iterations().start(spin.id(), t);
            List<Sample> samples = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                samples.add(StoreFixtures.sample(iteration.id(), Split.TRAIN, i));
            }
            samples.add(StoreFixtures.sample(iteration.id(), Split.EVAL, 0));
            workspace.samples().insertAll(samples);
            workspace.metrics().recordAll(spin.id(), List.of(new MetricPoint(t, t * 10L, "loss", 0.5 / t),
                    new MetricPoint(t, t * 10L, "rewards/margins", 0.1 * t)));
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("eval_loss", 0.6 / t);
            workspace.evaluations().record(spin.id(), t, eval.id(), metrics);
            workspace.checkpoints().record(spin.id(), t, t * 10L, Path.of("iter-" + t), 100, "h" + t);
            workspace.iterations().finish(iteration.id(), IterationStatus.COMPLETED);
        }
        return spin;
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, StoreFixtures.count(workspace, table));
        }
        return counts;
    }
}
