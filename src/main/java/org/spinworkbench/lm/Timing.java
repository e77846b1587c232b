package org.spinworkbench.lm;

import java.util.Arrays;

/** Wall-clock timing for benchmarks: one warm-up run, then the median of several. */
public final class Timing {
    private Timing() {
    }

    /** Median seconds of {@code repeats} runs after one untimed warm-up run. */
    public static double median(int repeats, Runnable work) {
        work.run(); // first-call allocations and libtorch's kernel selection
        double[] seconds = new double[Math.max(1, repeats)];
        for (int i = 0; i < seconds.length; i++) {
            long start = System.nanoTime();
            work.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[seconds.length / 2];
    }
}
