package org.spinworkbench.ui.comparison;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.spinworkbench.runs.GlobalSteps;
import org.spinworkbench.store.MetricPoint;

/**
 * One run's curve of one metric, as the chart draws it. Along steps every recorded point, on
 * the run's global step (iterations one after another, as the dashboard draws them); along
 * iterations the value each iteration ended with. A NaN or infinite value (a diverged
 * step) is left out: it has no place on an axis, and the table still shows it.
 */
record MetricCurve(double[] x, double[] y) {

    static MetricCurve of(RunMetrics run, String metric, XAxis axis) {
        List<double[]> points = new ArrayList<>();
        if (axis == XAxis.STEP) {
            GlobalSteps steps = run.steps();
            for (MetricPoint point : run.points(metric)) {
                points.add(new double[] {steps.global(point.iteration(), point.step()), point.value()});
            }
        } else {
            for (Map.Entry<Integer, Double> last : run.lastPerIteration(metric).entrySet()) {
                points.add(new double[] {last.getKey(), last.getValue()});
            }
        }
        // the store lists a metric by step, iterations interleaved; the curve goes along its axis
        List<double[]> finite = points.stream().filter(p -> Double.isFinite(p[1]))
                .sorted(Comparator.comparingDouble(p -> p[0])).toList();
        double[] x = new double[finite.size()];
        double[] y = new double[finite.size()];
        for (int i = 0; i < finite.size(); i++) {
            x[i] = finite.get(i)[0];
            y[i] = finite.get(i)[1];
        }
        return new MetricCurve(x, y);
    }

    int size() {
        return x.length;
    }
}
