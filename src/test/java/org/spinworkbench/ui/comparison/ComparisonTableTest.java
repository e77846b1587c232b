package org.spinworkbench.ui.comparison;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spinworkbench.store.MetricPoint;
import org.spinworkbench.store.Run;
import org.spinworkbench.store.RunKind;
import org.spinworkbench.store.RunStatus;

/** The table and curves built from recorded points, without a store. */
class ComparisonTableTest {

    private static RunMetrics run(long id, MetricPoint... points) {
        Map<String, List<MetricPoint>> series = new LinkedHashMap<>();
        for (MetricPoint point : points) {
            series.computeIfAbsent(point.name(), n -> new ArrayList<>()).add(point);
        }
        Run run = new Run(id, 1, RunKind.SPIN, RunStatus.COMPLETED, null, null, null, "not json", 1, null,
                Instant.EPOCH, null, null);
        return new RunMetrics(run, null, series);
    }

    private static MetricPoint point(int iteration, long step, String name, double value) {
        return new MetricPoint(iteration, step, name, value);
    }

    /**
     * Two iterations of two steps each, each counting its steps from 1 as training records
     * them; the base model and each iteration's model evaluated.
     */
    private static final RunMetrics SPIN = run(1,
            point(0, 0, "eval_loss", 0.70),
            point(1, 1, "loss", 0.69), point(1, 2, "loss", 0.60), point(1, 2, "eval_loss", 0.65),
            point(1, 2, "rewards/margins", 0.1),
            point(2, 1, "loss", 0.50), point(2, 2, "loss", 0.40), point(2, 2, "eval_loss", 0.55),
            point(2, 2, "rewards/margins", 0.3), point(2, 2, "learning_rate", 1e-3));
    private static final RunMetrics SFT = run(2,
            point(1, 1, "loss", 2.0), point(1, 2, "loss", Double.NaN), point(1, 2, "eval_loss", 1.9));

    @Test
    void eachIterationShowsItsLastTrainingValueAndItsEvaluation() {
        List<String> columns = ComparisonTable.columns(List.of(SPIN, SFT), "loss");

        assertEquals(List.of("loss", "eval_loss", "rewards/margins"), columns,
                "the chosen metric, its held-out twin, then the headline metrics recorded");
        List<ComparisonRow> rows = ComparisonTable.rows(List.of(SPIN, SFT), columns);
        assertEquals(List.of(
                new ComparisonRow(1, 0, Map.of("eval_loss", 0.70)),
                new ComparisonRow(1, 1, Map.of("loss", 0.60, "eval_loss", 0.65, "rewards/margins", 0.1)),
                new ComparisonRow(1, 2, Map.of("loss", 0.40, "eval_loss", 0.55, "rewards/margins", 0.3)),
                new ComparisonRow(2, 1, Map.of("loss", Double.NaN, "eval_loss", 1.9))), rows);
    }

    @Test
    void anEvalMetricBringsItsTrainingTwinAndAMetricNoRunHasIsLeftOut() {
        assertEquals(List.of("eval_loss", "loss", "rewards/margins"), ComparisonTable.columns(List.of(SPIN), "eval_loss"));
        assertEquals(List.of("loss", "eval_loss"), ComparisonTable.columns(List.of(SFT), "eval_accuracy"));
        assertEquals(List.of("learning_rate", "loss", "rewards/margins", "eval_loss"),
                ComparisonTable.columns(List.of(SPIN), "learning_rate"));
    }

    @Test
    void curvesRunAlongStepsOrIterationsAndLeaveOutWhatCannotBeDrawn() {
        MetricCurve steps = MetricCurve.of(SPIN, "loss", XAxis.STEP);
        assertArrayEquals(new double[] {1, 2, 3, 4}, steps.x(), "iteration 2 goes on after iteration 1, not over it");
        assertArrayEquals(new double[] {0.69, 0.60, 0.50, 0.40}, steps.y());

        assertArrayEquals(new double[] {0, 2, 4}, MetricCurve.of(SPIN, "eval_loss", XAxis.STEP).x(),
                "each evaluation where its iteration ends");
        MetricCurve iterations = MetricCurve.of(SPIN, "eval_loss", XAxis.ITERATION);
        assertArrayEquals(new double[] {0, 1, 2}, iterations.x());
        assertArrayEquals(new double[] {0.70, 0.65, 0.55}, iterations.y());

        MetricCurve diverged = MetricCurve.of(SFT, "loss", XAxis.STEP);
        assertArrayEquals(new double[] {1}, diverged.x(), "the NaN step has no place on the axis");
        assertEquals(0, MetricCurve.of(SFT, "rewards/margins", XAxis.STEP).size());
    }

    @Test
    void metricsComeInTheOrderRunsAreComparedBy() {
        assertEquals(List.of("loss", "rewards/margins", "eval_loss", "eval_accuracy", "eval_accuracy/add",
                        "custom", "learning_rate", "epoch"),
                MetricOrder.ordered(List.of("epoch", "custom", "eval_accuracy/add", "learning_rate", "eval_loss",
                        "rewards/margins", "eval_accuracy", "loss")));
        assertTrue(MetricOrder.ordered(List.of()).isEmpty());
    }
}
