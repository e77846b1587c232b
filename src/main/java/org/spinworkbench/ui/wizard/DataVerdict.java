package org.spinworkbench.ui.wizard;

import java.util.List;
import org.spinworkbench.data.DatasetProblem;
import org.spinworkbench.data.ProblemPolicy;
import org.spinworkbench.io.Problems;
import org.spinworkbench.runs.RunSpec;
import org.spinworkbench.train.TrainingConfig;
import org.spinworkbench.ui.common.Messages;

/**
 * Whether a run could start on data already read, as the user chose to read and split it:
 * either the reason it could not ({@code problem}) or the counts it would train and
 * evaluate on ({@code splitText}). Exactly one of the two is not empty.
 */
record DataVerdict(String problem, String splitText, int trainingExamples) {

    boolean usable() {
        return problem.isEmpty();
    }

    static DataVerdict of(DatasetCheck found, ProblemPolicy policy, SplitChoice split, String fraction, String size,
                          Messages messages) {
        List<DatasetProblem> bad = found.problems();
        if (policy == ProblemPolicy.STOP && !bad.isEmpty()) {
            return refused(messages.get("wizard.data.stopsAtProblem", bad.size(), bad.get(0).message()));
        }
        double share = RunSpec.DEFAULT_EVAL_FRACTION;
        int held = 0;
        try {
            if (split == SplitChoice.FRACTION) {
                share = Double.parseDouble(fraction.strip());
            } else if (split == SplitChoice.SIZE) {
                held = Integer.parseInt(size.strip());
            }
        } catch (NumberFormatException e) {
            return refused(split == SplitChoice.FRACTION ? messages.get("wizard.data.fractionInvalid")
                    : messages.get("wizard.data.sizeInvalid"));
        }
        if (split == SplitChoice.EVAL_FILE && found.eval() == null) {
            return refused(messages.get("wizard.data.evalRequired"));
        }
        try {
            // The seed picks which examples are held out, not how many: the run's own seed is not needed here.
            SplitCounts counts = SplitCounts.of(found, split, share, held, TrainingConfig.DEFAULT_SEED);
            return new DataVerdict("", messages.get("wizard.data.splitCounts", counts.train(), counts.eval()),
                    counts.train());
        } catch (IllegalArgumentException e) {
            return refused(Problems.describe(e));
        }
    }

    private static DataVerdict refused(String problem) {
        return new DataVerdict(problem, "", 0);
    }
}
