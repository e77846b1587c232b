package org.spinworkbench.ui.wizard;

import java.nio.file.Path;
import org.spinworkbench.data.DatasetFormat;
import org.spinworkbench.data.ProblemPolicy;

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
}
