package org.spinworkbench.data.tasks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** How many answers were correct, over all and per task id (in task order). */
public record Accuracy(Count overall, Map<String, Count> byTask) {
    public Accuracy {
        byTask = Collections.unmodifiableMap(new LinkedHashMap<>(byTask));
    }

    /** {@code correct} of {@code total}. */
    public record Count(int correct, int total) {
        public Count {
            if (correct < 0 || correct > total) {
                throw new IllegalArgumentException(correct + " correct of " + total);
            }
        }

        /** The share correct, 0 to 1; 0 when there were no answers. */
        public double rate() {
            return total == 0 ? 0 : (double) correct / total;
        }

        Count plus(Count other) {
            return new Count(correct + other.correct, total + other.total);
        }
    }
}
