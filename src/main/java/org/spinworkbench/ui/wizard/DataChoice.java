package org.spinworkbench.ui.wizard;

import java.nio.file.Path;
import org.spinworkbench.data.DatasetFormat;
import org.spinworkbench.data.ProblemPolicy;
import org.spinworkbench.runs.RunSpec;

/**
 * The data a run trains and evaluates on, as the dataset step settled it.
 *
 * @param format       the format the rows are read as (named by the user, or the one detected)
 * @param evalDataset  the evaluation file with {@link SplitChoice#EVAL_FILE}, else ignored
 * @param evalFraction the share held out with {@link SplitChoice#FRACTION}
 * @param evalSize     the examples held out with {@link SplitChoice#SIZE}
 * @param raw          prompts skip the chat template
 * @param accuracyData null, or questions with checkable answers each iteration's model is scored on
 */
public record DataChoice(Path dataset, DatasetFormat format, SplitChoice split, Path evalDataset, double evalFraction,
                         int evalSize, ProblemPolicy policy, boolean raw, Path accuracyData) {
    /**
     * How the held-out examples are chosen: the split, and the file, share or count it uses
     * (the others are ignored).
     */
    public record HeldOut(SplitChoice split, Path evalDataset, double evalFraction, int evalSize) {
    }

    public static DataChoice of(Path dataset, DatasetFormat format, HeldOut heldOut, ProblemPolicy policy, boolean raw,
                                Path accuracyData) {
        return new DataChoice(dataset, format, heldOut.split(), heldOut.evalDataset(), heldOut.evalFraction(),
                heldOut.evalSize(), policy, raw, accuracyData);
    }

    /**
     * The choice of files {@code found} checked, split as {@code split} says: {@code fraction}
     * or {@code size} as typed (already judged valid) where that split uses them.
     */
    static DataChoice of(DatasetCheck found, SplitChoice split, String fraction, String size, ProblemPolicy policy,
                         boolean raw) {
        return new DataChoice(found.train().file(), found.train().format(), split,
                split == SplitChoice.EVAL_FILE ? found.eval().file() : null,
                split == SplitChoice.FRACTION ? Double.parseDouble(fraction.strip()) : RunSpec.DEFAULT_EVAL_FRACTION,
                split == SplitChoice.SIZE ? Integer.parseInt(size.strip()) : 0, policy, raw, found.accuracyFile());
    }
}
