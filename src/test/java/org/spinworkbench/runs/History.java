package org.spinworkbench.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spinworkbench.store.MetricPoint;
import org.spinworkbench.store.Workspace;

/** A run's recorded metrics, for comparing a resumed run with an uninterrupted one. */
final class History {
    private History() {
    }

    static Map<String, List<MetricPoint>> of(Workspace workspace, long run) {
        Map<String, List<MetricPoint>> series = new LinkedHashMap<>();
        for (String name : workspace.metrics().names(run)) {
            series.put(name, workspace.metrics().series(run, name));
        }
        return series;
    }

    static void assertSame(Map<String, List<MetricPoint>> expected, Map<String, List<MetricPoint>> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String name : expected.keySet()) {
            List<MetricPoint> want = expected.get(name);
            List<MetricPoint> got = actual.get(name);
            assertEquals(want.size(), got.size(), name);
            for (int i = 0; i < want.size(); i++) {
                assertEquals(want.get(i).iteration(), got.get(i).iteration(), name);
                assertEquals(want.get(i).step(), got.get(i).step(), name);
                assertEquals(want.get(i).value(), got.get(i).value(), 1e-6 * Math.max(1, Math.abs(want.get(i).value())),
                        name + " at iteration " + want.get(i).iteration() + " step " + want.get(i).step());
            }
        }
    }
}
