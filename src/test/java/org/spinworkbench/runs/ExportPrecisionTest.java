package org.spinworkbench.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.lm.hf.DType;

/** An export keeps the base model's weight type unless told otherwise: a float16 model is not written as float32. */
class ExportPrecisionTest {
    @TempDir
    Path dir;

    @Test
    void theBaseModelsTorchDtypeElseFloat32() throws IOException {
        assertEquals(DType.F16, ExportPrecision.ofConfig(configOn(base("float16"))));
        assertEquals(DType.BF16, ExportPrecision.ofConfig(configOn(base("bfloat16"))));
        assertEquals(DType.F32, ExportPrecision.ofConfig(configOn(base(null))), "a config naming no type");
        assertEquals(DType.F32, ExportPrecision.ofConfig(configOn(base("float64"))), "a type exports do not write");
        assertEquals(DType.F32, ExportPrecision.ofConfig(configOn(dir.resolve("moved-away"))), "a base model that is gone");
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

    /** The configuration a run on {@code model} records. */
    private static String configOn(Path model) {
        return TinyRuns.spec(model, model.resolve("sums.jsonl"), TinyRuns.config(1, 0)).toJson();
    }
}
