package org.spinworkbench.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.lm.hf.DType;
import org.spinworkbench.store.Run;
import org.spinworkbench.store.RunKind;
import org.spinworkbench.store.RunStatus;

/** An export keeps the base model's weight type unless told otherwise: a float16 model is not written as float32. */
class ExportPrecisionTest {
    @TempDir
    Path dir;

    @Test
    void theBaseModelsTorchDtypeElseFloat32() throws IOException {
        assertEquals(DType.F16, ExportPrecision.of(runOn(base("float16"))));
        assertEquals(DType.BF16, ExportPrecision.of(runOn(base("bfloat16"))));
        assertEquals(DType.F32, ExportPrecision.of(runOn(base(null))), "a config naming no type");
        assertEquals(DType.F32, ExportPrecision.of(runOn(base("float64"))), "a type exports do not write");
        assertEquals(DType.F32, ExportPrecision.of(runOn(dir.resolve("moved-away"))), "a base model that is gone");
    }

    private Path base(String torchDtype) throws IOException {
        Path model = TinyRuns.model(dir.resolve(String.valueOf(torchDtype)));
        String config = Files.readString(model.resolve("config.json")).replaceAll(",?\\s*\"torch_dtype\"\\s*:\\s*\"[a-z0-9]+\"", "");
        if (torchDtype != null) {
            config = config.replaceFirst("\\{", "{\"torch_dtype\": \"" + torchDtype + "\", ");
        }
        Files.writeString(model.resolve("config.json"), config);
        return model;
    }

    private static Run runOn(Path model) {
        RunSpec spec = TinyRuns.spec(model, model.resolve("sums.jsonl"), TinyRuns.config(1, 0));
        return new Run(1, 1, RunKind.SPIN, RunStatus.COMPLETED, null, null, null, spec.toJson(), 1, null,
                Instant.EPOCH, null, null);
    }
}
