package org.spinworkbench.train;

import java.util.LinkedHashMap;
import java.util.Map;

/** Averages metric values over the micro-batches of one step, weighted by examples. */
final class MetricMeans {
    private final Map<String, double[]> sums = new LinkedHashMap<>(); // name -> {weighted sum, weight}

    void add(Map<String, Double> values, int examples) {
        values.forEach((name, value) -> {
            double[] sum = sums.computeIfAbsent(name, n -> new double[2]);
            sum[0] += value * examples;
            sum[1] += examples;
        });
    }

    Map<String, Double> means() {
        Map<String, Double> means = new LinkedHashMap<>();
        sums.forEach((name, sum) -> means.put(name, sum[0] / sum[1]));
        return means;
    }
}
