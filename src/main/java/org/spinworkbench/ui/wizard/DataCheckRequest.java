package org.spinworkbench.ui.wizard;

import java.nio.file.Path;
import org.spinworkbench.data.DatasetFormat;
import org.spinworkbench.data.PromptTurns;

/**
 * What one check of the dataset step reads: the files as typed, the choices that change how
 * rows are read, and the model whose chat template renders the preview. Equal requests read the
 * same, so an unchanged field committed again reads nothing.
 *
 * @param named the format chosen, or null to detect it
 */
record DataCheckRequest(Files files, DatasetFormat named, boolean raw, PromptTurns turns, ModelSummary model) {
    /** The files as typed, "" for none; {@code eval} only when the split uses it. */
    record Files(String data, String eval, String accuracy) {
    }

    DatasetCheck run(DatasetInspector inspector) {
        return inspector.check(Path.of(files.data()), files.eval().isEmpty() ? null : Path.of(files.eval()), named,
                model.template(), raw, turns, files.accuracy().isEmpty() ? null : Path.of(files.accuracy()));
    }
}
