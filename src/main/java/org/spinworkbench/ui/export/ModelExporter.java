package org.spinworkbench.ui.export;

import java.io.IOException;
import java.nio.file.Path;
import org.spinworkbench.lm.hf.DType;

/**
 * Writes the model an iteration of a run produced as a Hugging Face folder, replacing a folder
 * that has files only when {@code replace} ({@code ModelExports::export}).
 */
@FunctionalInterface
public interface ModelExporter {
    void export(long runId, int iteration, Path output, DType dtype, boolean replace) throws IOException;
}
