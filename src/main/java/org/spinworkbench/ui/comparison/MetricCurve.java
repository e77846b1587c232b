package org.spinworkbench.ui.comparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.spinworkbench.store.MetricPoint;

/**
 * One run's curve of one metric, as the chart draws it. Along steps every recorded point;
 * along iterations the value each iteration ended with. A NaN or infinite value (a diverged
 * step) is left out: it has no place on an axis, and the table still shows it.
 */
record MetricCurve(double[] x, double[] y) {

    static MetricCurve of(RunMetrics run, String metric, XAxis axis) {
        List<double[]> points = new ArrayList<>();
        if (axis == XAxis.STEP) {
            for (MetricPoint point : run.points(metric)) {
                points.add(new double[] {point.step(), point.value()});
            }
        } else {
            for (Map.Entry<Integer, Double> last : run.lastPerIteration(metric).entrySet()) {
                points.add(new double[] {last.getKey(), last.getValue()});
            }
        }
        List<double[]> finite = points.stream().filter(p -> Double.isFinite(p[1])).toList();
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
