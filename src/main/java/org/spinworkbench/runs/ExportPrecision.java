package org.spinworkbench.runs;

import java.nio.file.Path;
import org.spinworkbench.lm.hf.DType;
import org.spinworkbench.lm.hf.PretrainedModel;
import org.spinworkbench.store.Run;

/**
 * The weight type an export of a run writes unless told otherwise: the base model's own
 * ({@code torch_dtype} of its {@code config.json}), so a float16 model comes back as float16
 * rather than twice the size. FLOAT32 when the base names none or cannot be read any more.
 */
public final class ExportPrecision {
    private ExportPrecision() {
    }

    public static DType of(Run run) {
        return ofConfig(run.configJson());
    }

    /** As {@link #of(Run)}, from the run's recorded configuration ({@link RunSpec} JSON). */
    static DType ofConfig(String configJson) {
        try {
            String torchDtype = PretrainedModel.readConfig(Path.of(RunSpec.fromJson(configJson).baseModel()))
                    .torchDtype();
            return torchDtype == null ? DType.F32 : DType.fromTorchName(torchDtype).orElse(DType.F32);
        } catch (RuntimeException e) {
            return DType.F32; // the base model moved or its config changed: the safe, exact choice
        }
    }
}
