package org.spinworkbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationRepositoryTest {
    @TempDir
    Path dir;
    SteppingClock clock = new SteppingClock(StoreFixtures.NOW);
    Workspace workspace;
    EvaluationRepository evaluations;
    Project project;
    Run run;

    @BeforeEach
    void open() {
        workspace = Workspace.open(dir, clock);
        evaluations = workspace.evaluations();
        project = workspace.projects().create("Tiny", "");
        run = StoreFixtures.spinRun(workspace, project);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void metricsRoundTripInTheirOrderWithNanKept() {
        RegisteredDataset gsm8k = StoreFixtures.dataset(workspace, project);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("eval_loss", 0.4375);
        metrics.put("eval_rewards/accuracies", 0.75);
        metrics.put("eval_logps/real", Double.NaN);
        metrics.put("eval_grad_norm", Double.POSITIVE_INFINITY);

        Evaluation recorded = evaluations.record(run.id(), 1, gsm8k.id(), metrics);
        Evaluation listed = evaluations.listByRun(run.id()).get(0);

        assertEquals(recorded, listed);
        assertEquals(List.of("eval_loss", "eval_rewards/accuracies", "eval_logps/real", "eval_grad_norm"),
                List.copyOf(listed.metrics().keySet()));
        assertEquals(0.4375, listed.metrics().get("eval_loss"));
        assertTrue(listed.metrics().get("eval_logps/real").isNaN());
        assertTrue(listed.metrics().get("eval_grad_norm").isNaN(), "infinity is not JSON either");
        assertEquals(gsm8k.id(), listed.datasetId());
        assertEquals(StoreFixtures.NOW, listed.evaluatedAt());
    }

    @Test
    void storedJsonIsStandardJson() {
        evaluations.record(run.id(), 0, null, Map.of("eval_loss", Double.NaN));

        String json = workspace.database().read(c -> Jdbc.first(c, "SELECT metrics_json FROM evaluations"
                + " WHERE json_valid(metrics_json)", row -> row.getString(1)).orElseThrow());

        assertEquals("{\"eval_loss\":null}", json);
    }

    @Test
    void reEvaluatingReplacesTheResultForTheSameDatasetIncludingTheHeldOutSplit() {
        RegisteredDataset extra = StoreFixtures.dataset(workspace, project);
        Evaluation first = evaluations.record(run.id(), 1, null, Map.of("eval_loss", 0.9));
        evaluations.record(run.id(), 1, extra.id(), Map.of("eval_loss", 0.8));
        clock.advance(Duration.ofHours(1));

        Evaluation again = evaluations.record(run.id(), 1, null, Map.of("eval_loss", 0.7));
        evaluations.record(run.id(), 1, extra.id(), Map.of("eval_loss", 0.6));

        assertEquals(first.id(), again.id());
        assertEquals(StoreFixtures.NOW.plus(Duration.ofHours(1)), again.evaluatedAt());
        List<Evaluation> listed = evaluations.listByRun(run.id());
        assertEquals(2, listed.size());
        assertEquals(Map.of("eval_loss", 0.7), listed.get(0).metrics());
        assertEquals(Map.of("eval_loss", 0.6), listed.get(1).metrics());
    }

    @Test
    void schemaAllowsOneHeldOutEvaluationPerIterationEvenWithANullDataset() {
        evaluations.record(run.id(), 2, null, Map.of("eval_loss", 0.5));

        assertThrows(StoreException.class, () -> workspace.database().transaction(c -> Jdbc.insert(c,
                "INSERT INTO evaluations (run_id, iteration, dataset_id, metrics_json, evaluated_at)"
                        + " VALUES (?, 2, NULL, '{}', ?)", run.id(), StoreFixtures.NOW)));
    }

    @Test
    void listByRunIsByIterationAndKeepsRunsApart() {
        Run other = StoreFixtures.spinRun(workspace, project);
        Evaluation second = evaluations.record(run.id(), 2, null, Map.of("eval_loss", 0.5));
        Evaluation base = evaluations.record(run.id(), 0, null, Map.of("eval_loss", 1.5));
        evaluations.record(other.id(), 1, null, Map.of("eval_loss", 0.1));

        assertEquals(List.of(base, second), evaluations.listByRun(run.id()));
    }

    @Test
    void anotherProjectsDatasetIsRefused() {
        RegisteredDataset foreign = StoreFixtures.dataset(workspace, workspace.projects().create("Other", ""));

        assertThrows(StoreException.class, () -> evaluations.record(run.id(), 1, foreign.id(), Map.of("x", 1.0)));
        assertEquals(0, StoreFixtures.count(workspace, "evaluations"));
    }
}
