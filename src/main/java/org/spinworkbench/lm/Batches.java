package org.spinworkbench.lm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;

/**
 * Groups items of similar length into batches, longest first, so little of each batch is
 * padding; results are put back in input order by index.
 */
public final class Batches {
    private Batches() {
    }

    public static <T> List<int[]> byLength(List<T> items, ToIntFunction<T> length, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, not " + batchSize);
        }
        int[] order = IntStream.range(0, items.size()).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> length.applyAsInt(items.get(i))).reversed())
                .mapToInt(Integer::intValue).toArray();
        List<int[]> batches = new ArrayList<>();
        for (int start = 0; start < order.length; start += batchSize) {
            batches.add(java.util.Arrays.copyOfRange(order, start, Math.min(order.length, start + batchSize)));
        }
        return batches;
    }
}
