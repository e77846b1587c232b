package org.spinworkbench.ui.wizard;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.spinworkbench.data.DatasetProblem;
import org.spinworkbench.data.ProblemPolicy;
import org.spinworkbench.ui.common.Messages;

/**
 * What the dataset step shows of the files last read: the check itself, the rows left out, the
 * preview, a summary, the split in words, and whether a run could start on them as chosen.
 * Changed on the FX thread.
 */
final class DataCheckResults {
    private final Messages messages;
    final ReadOnlyObjectWrapper<DatasetCheck> check = new ReadOnlyObjectWrapper<>();
    final ObservableList<String> problems = FXCollections.observableArrayList();
    final ObservableList<PreviewRow> preview = FXCollections.observableArrayList();
    final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    final ReadOnlyStringWrapper splitText = new ReadOnlyStringWrapper("");
    final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    final ReadOnlyBooleanWrapper usable = new ReadOnlyBooleanWrapper();
    /** True while files are being read. */
    final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    /** Usable, and not being read again. */
    final BooleanBinding valid = usable.and(checking.not());
    private int trainingExamples;

    DataCheckResults(Messages messages) {
        this.messages = messages;
    }

    /** How many examples the run will train on as the data is chosen now; 0 until it is usable. */
    int trainingExamples() {
        return trainingExamples;
    }

    void show(DatasetCheck found, ProblemPolicy policy, SplitChoice split, String fraction, String size) {
        check.set(found);
        problems.setAll(found.problems().stream().map(DatasetProblem::message).toList());
        preview.setAll(found.preview());
        summary.set(found.describe(messages));
        judge(policy, split, fraction, size);
    }

    /** Decides, from the files already read, whether a run could start on them as chosen. */
    void judge(ProblemPolicy policy, SplitChoice split, String fraction, String size) {
        DatasetCheck found = check.get();
        if (found == null) {
            usable.set(false);
            splitText.set("");
            return;
        }
        DataVerdict verdict = DataVerdict.of(found, policy, split, fraction, size, messages);
        trainingExamples = verdict.trainingExamples();
        error.set(verdict.problem());
        splitText.set(verdict.splitText());
        usable.set(verdict.usable());
    }

    void clear() {
        check.set(null);
        problems.clear();
        preview.clear();
        summary.set("");
        splitText.set("");
        error.set("");
        usable.set(false);
    }
}
