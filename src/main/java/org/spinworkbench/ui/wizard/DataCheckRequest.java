package org.spinworkbench.ui.wizard;

import java.nio.file.Path;
import org.spinworkbench.data.DatasetFormat;
import org.spinworkbench.data.PromptTurns;

/**
 * What one check of the dataset step reads: the files as typed ("" for none), the choices that
 * change how rows are read, and the model whose chat template renders the preview. Equal
 * requests read the same, so an unchanged field committed again reads nothing.
 *
 * @param eval  the evaluation file when the split uses one, else ""
 * @param named the format chosen, or null to detect it
 */
record DataCheckRequest(String data, String eval, String accuracy, DatasetFormat named, boolean raw,
                        PromptTurns turns, ModelSummary model) {
    DatasetCheck run(DatasetInspector inspector) {
        return inspector.check(Path.of(data), eval.isEmpty() ? null : Path.of(eval), named, model.template(), raw,
                turns, accuracy.isEmpty() ? null : Path.of(accuracy));
    }
}
