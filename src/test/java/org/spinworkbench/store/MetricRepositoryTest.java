package org.spinworkbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricRepositoryTest {
    @TempDir
    Path dir;
    Workspace workspace;
    MetricRepository metrics;
    Run run;

    @BeforeEach
    void open() {
        workspace = Workspace.open(dir, StoreFixtures.fixedClock());
        metrics = workspace.metrics();
        run = StoreFixtures.spinRun(workspace, workspace.projects().create("Tiny", ""));
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void seriesComesBackByStepWhateverTheRecordingOrder() {
        metrics.recordAll(run.id(), List.of(
                new MetricPoint(1, 20, "loss", 0.52),
                new MetricPoint(1, 10, "loss", 0.69),
                new MetricPoint(1, 10, "rewards/margins", 0.01),
                new MetricPoint(2, 30, "loss", 0.31)));

        assertEquals(List.of(new MetricPoint(1, 10, "loss", 0.69), new MetricPoint(1, 20, "loss", 0.52),
                new MetricPoint(2, 30, "loss", 0.31)), metrics.series(run.id(), "loss"));
        assertEquals(List.of("loss", "rewards/margins"), metrics.names(run.id()));
        assertEquals(OptionalLong.of(30), metrics.lastStep(run.id()));
    }

    @Test
    void nanAndInfinitiesAreStoredAsNullAndComeBackAsNan() {
        metrics.recordAll(run.id(), List.of(
                new MetricPoint(1, 1, "grad_norm", Double.NaN),
                new MetricPoint(1, 2, "grad_norm", Double.POSITIVE_INFINITY),
                new MetricPoint(1, 3, "grad_norm", Double.NEGATIVE_INFINITY),
                new MetricPoint(1, 4, "grad_norm", 1.5)));

        List<MetricPoint> series = metrics.series(run.id(), "grad_norm");
        long nullValues = workspace.database().read(c -> Jdbc.first(c,
                "SELECT count(*) FROM metrics WHERE value IS NULL", row -> row.getLong(1)).orElseThrow());

        assertEquals(3, nullValues);
        assertTrue(Double.isNaN(series.get(0).value()));
        assertTrue(Double.isNaN(series.get(1).value()));
        assertTrue(Double.isNaN(series.get(2).value()));
        assertEquals(1.5, series.get(3).value());
    }

    @Test
    void reRecordingAStepReplacesItsValue() {
        metrics.recordAll(run.id(), List.of(new MetricPoint(1, 5, "loss", 0.7), new MetricPoint(1, 6, "loss", 0.6)));

        metrics.recordAll(run.id(), List.of(new MetricPoint(1, 6, "loss", 0.55), new MetricPoint(1, 7, "loss", 0.5)));

        assertEquals(List.of(new MetricPoint(1, 5, "loss", 0.7), new MetricPoint(1, 6, "loss", 0.55),
                new MetricPoint(1, 7, "loss", 0.5)), metrics.series(run.id(), "loss"));
        assertEquals(3, StoreFixtures.count(workspace, "metrics"));
    }

    @Test
    void runsKeepTheirOwnCurves() {
        Run other = workspace.runs().create(RunPlan.of(run.projectId(), RunKind.SFT, StoreFixtures.NO_INPUTS, "{}", 1));
        metrics.recordAll(run.id(), List.of(new MetricPoint(1, 1, "loss", 0.7)));
        metrics.recordAll(other.id(), List.of(new MetricPoint(1, 1, "loss", 0.9), new MetricPoint(1, 9, "epoch", 1)));

        assertEquals(List.of(new MetricPoint(1, 1, "loss", 0.7)), metrics.series(run.id(), "loss"));
        assertEquals(List.of("loss"), metrics.names(run.id()));
        assertEquals(OptionalLong.of(1), metrics.lastStep(run.id()));
        assertEquals(OptionalLong.of(9), metrics.lastStep(other.id()));
    }

    @Test
    void aRunWithoutMetricsHasNoLastStep() {
        assertEquals(OptionalLong.empty(), metrics.lastStep(run.id()));
        assertTrue(metrics.names(run.id()).isEmpty());
        assertTrue(metrics.series(run.id(), "loss").isEmpty());
    }

    @Test
    void aBatchWithAnInvalidPointRecordsNothing() {
        List<MetricPoint> points = List.of(new MetricPoint(1, 1, "loss", 0.7), new MetricPoint(1, -1, "loss", 0.6));

        assertThrows(StoreException.class, () -> metrics.recordAll(run.id(), points));
        assertEquals(0, StoreFixtures.count(workspace, "metrics"));
    }

    @Test
    void readingSeriesWhileTrainingRecordsNeverFailsAndSeesWholeSteps() throws Exception {
        int steps = 300;
        String[] names = {"loss", "rewards/real", "rewards/generated", "rewards/margins", "learning_rate"};
        AtomicBoolean training = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> trainer = threads.submit(() -> {
                try {
                    for (int step = 0; step < steps; step++) {
                        List<MetricPoint> points = new ArrayList<>();
                        for (String name : names) {
                            points.add(new MetricPoint(1 + step / 100, step, name, 1.0 / (step + 1)));
                        }
                        metrics.recordAll(run.id(), points);
                    }
                } finally {
                    training.set(false);
                }
            });
            Future<Integer> dashboard = threads.submit(() -> {
                int reads = 0;
                int seen = 0;
                while (training.get() || reads == 0) {
                    List<MetricPoint> loss = metrics.series(run.id(), "loss");
                    List<MetricPoint> margins = metrics.series(run.id(), "rewards/margins");
                    if (loss.size() < seen) {
                        throw new AssertionError("the loss curve shrank from " + seen + " to " + loss.size());
                    }
                    for (int i = 0; i < loss.size(); i++) {
                        if (loss.get(i).step() != i) {
                            throw new AssertionError("step " + i + " read as " + loss.get(i).step());
                        }
                    }
                    if (margins.size() < loss.size()) {
                        throw new AssertionError("a step was seen half recorded");
                    }
                    seen = loss.size();
                    reads++;
                }
                return reads;
            });

            trainer.get(60, TimeUnit.SECONDS);
            assertTrue(dashboard.get(60, TimeUnit.SECONDS) > 0);
        } finally {
            threads.shutdownNow();
        }
        assertEquals(steps, metrics.series(run.id(), "loss").size());
        assertEquals(steps * names.length, StoreFixtures.count(workspace, "metrics"));
    }
}
