package org.spinworkbench.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Holds out examples for evaluation when the user gives no eval file. The choice is a seeded
 * shuffle, so the same data and seed always give the same split (a resumed or repeated run
 * evaluates on the same examples); both parts keep the input order, which keeps them easy to
 * read side by side with the file.
 */
public final class DatasetSplits {
    private DatasetSplits() {
    }

    /**
     * Holds out {@code fraction} of the examples, rounded, but at least one and never all.
     *
     * @param fraction strictly between 0 and 1
     */
    public static DatasetSplit holdOut(List<Example> all, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("The evaluation fraction must be between 0 and 1 (exclusive), not "
                    + fraction + ".");
        }
        requireTwo(all);
        int evalSize = (int) Math.round(fraction * all.size());
        return holdOut(all, Math.max(1, Math.min(all.size() - 1, evalSize)), seed);
    }

    /**
     * Holds out {@code evalSize} examples.
     *
     * @param evalSize at least 1 and fewer than the examples, so training keeps some
     */
    public static DatasetSplit holdOut(List<Example> all, int evalSize, long seed) {
        requireTwo(all);
        if (evalSize < 1 || evalSize >= all.size()) {
            throw new IllegalArgumentException("The evaluation split must hold at least 1 and fewer than all "
                    + all.size() + " examples, not " + evalSize + ".");
        }
        boolean[] held = new boolean[all.size()];
        int[] order = shuffled(all.size(), seed);
        for (int i = 0; i < evalSize; i++) {
            held[order[i]] = true;
        }
        List<Example> train = new ArrayList<>(all.size() - evalSize);
        List<Example> eval = new ArrayList<>(evalSize);
        for (int i = 0; i < all.size(); i++) {
            (held[i] ? eval : train).add(all.get(i));
        }
        return new DatasetSplit(train, eval);
    }

    private static void requireTwo(List<Example> all) {
        if (all.size() < 2) {
            throw new IllegalArgumentException("Holding out an evaluation split needs at least 2 examples; there "
                    + (all.size() == 1 ? "is 1" : "are " + all.size()) + ". Give an evaluation file instead.");
        }
    }

    /** Fisher–Yates over 0..n-1. */
    private static int[] shuffled(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
