package org.spinworkbench.ui.wizard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spinworkbench.data.DatasetProblem;
import org.spinworkbench.data.LoadedDataset;
import org.spinworkbench.ui.common.Messages;

/**
 * The dataset (and evaluation file) as the wizard read them: every row is either an example
 * or a problem, whatever the policy, so the user sees all problems before choosing one.
 *
 * @param eval              null without an evaluation file
 * @param accuracyQuestions the checkable questions of the task-accuracy file; 0 without one
 */
public record DatasetCheck(LoadedDataset train, LoadedDataset eval, List<PreviewRow> preview, Path accuracyFile,
                           int accuracyQuestions) {
    public DatasetCheck {
        preview = List.copyOf(preview);
    }

    /** Every row left out, of both files, in file order. */
    public List<DatasetProblem> problems() {
        return eval == null ? train.skipped()
                : java.util.stream.Stream.concat(train.skipped().stream(), eval.skipped().stream()).toList();
    }

    /**
     * One line a file: its format and how many of its rows are usable examples (the rows that
     * are not are listed below it, and whether a run skips them is the policy's business); then
     * the task-accuracy questions, if any.
     */
    public String describe(Messages messages) {
        List<String> lines = new ArrayList<>(List.of(describe(train, messages)));
        if (eval != null) {
            lines.add(describe(eval, messages));
        }
        if (accuracyFile != null) {
            lines.add(messages.get("wizard.data.accuracySummary", accuracyQuestions,
                    accuracyFile.getFileName().toString()));
        }
        return String.join("\n", lines);
    }

    private static String describe(LoadedDataset file, Messages messages) {
        return messages.get("wizard.data.fileSummary", file.examples().size(), file.rowsRead(),
                file.file().getFileName().toString(), file.format().label());
    }

    /** Whether iteration 1 could train on synthetic responses the data carries. */
    public boolean carriesGeneratedResponses() {
        return train.examples().stream().allMatch(example -> example.generatedResponse() != null);
    }
}
