package org.spinworkbench.ui.wizard;

import org.spinworkbench.data.DatasetSplit;
import org.spinworkbench.data.DatasetSplits;

/**
 * How many examples train and how many are held out, computed by the same split the run
 * will make, so the counts shown are the counts trained on.
 */
public record SplitCounts(int train, int eval) {

    /**
     * @throws IllegalArgumentException when the split is impossible (too few examples, a
     *                                  fraction outside (0, 1), a size not below the count)
     */
    public static SplitCounts of(DatasetCheck check, SplitChoice choice, double fraction, int size, long seed) {
        if (choice == SplitChoice.EVAL_FILE) {
            if (check.eval() == null) {
                throw new IllegalArgumentException("Choose the evaluation file.");
            }
            return new SplitCounts(check.train().examples().size(), check.eval().examples().size());
        }
        DatasetSplit split = choice == SplitChoice.SIZE
                ? DatasetSplits.holdOut(check.train().examples(), size, seed)
                : DatasetSplits.holdOut(check.train().examples(), fraction, seed);
        return new SplitCounts(split.train().size(), split.eval().size());
    }
}
