package org.spinworkbench.ui.wizard;

import org.spinworkbench.data.DatasetFormat;
import org.spinworkbench.data.ProblemPolicy;
import org.spinworkbench.runs.RunSpec;

/** The dataset step filled with the files and choices a project's previous run recorded. */
final class PreviousData {
    private PreviousData() {
    }

    static void fill(DatasetStepViewModel data, RunSpec previous) {
        data.dataFileProperty().set(previous.dataset());
        data.evalFileProperty().set(previous.evalDataset() == null ? "" : previous.evalDataset());
        data.formatProperty().set(previous.datasetFormat() == null ? null
                : DatasetFormat.valueOf(previous.datasetFormat()));
        data.splitProperty().set(previous.evalDataset() != null ? SplitChoice.EVAL_FILE
                : previous.evalSize() > 0 ? SplitChoice.SIZE : SplitChoice.FRACTION);
        if (previous.evalSize() > 0) {
            data.sizeProperty().set(Integer.toString(previous.evalSize()));
        }
        data.fractionProperty().set(Parameter.decimal(previous.evalFraction()));
        data.policyProperty().set(previous.skipBadRows() ? ProblemPolicy.SKIP : ProblemPolicy.STOP);
        data.rawProperty().set(previous.training().raw());
        data.bosProperty().set(previous.training().format().bos());
        data.turnsProperty().set(previous.training().format().turns());
        data.accuracyFileProperty().set(previous.accuracyData() == null ? "" : previous.accuracyData());
    }
}
