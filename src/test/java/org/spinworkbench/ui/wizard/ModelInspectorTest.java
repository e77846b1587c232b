package org.spinworkbench.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.lm.hf.ChatTemplate;
import org.spinworkbench.runs.TinyRuns;

/** The model check on a real tiny model folder, whole and broken in the ways users' folders break. */
class ModelInspectorTest {
    @TempDir
    Path dir;

    private final ModelInspector inspector = new ModelInspector();

    @Test
    void aGoodFolderIsDescribedWithoutLoadingItsWeights() throws Exception {
        Path model = TinyRuns.model(dir);
        ModelSummary summary = inspector.inspect(model);
        assertEquals("LlamaForCausalLM", summary.architecture());
        assertEquals(2, summary.layers());
        assertEquals(32, summary.hiddenSize());
        assertEquals(259, summary.vocabSize());
        assertEquals(256, summary.contextLength());
        assertEquals("F32", summary.dtype());
        assertTrue(summary.parameterCount() > 10_000, "parameters: " + summary.parameterCount());
        assertFalse(summary.defaultTemplate()); // the byte-level tokenizer ships ChatML as its own template
        assertEquals(ChatTemplate.CHATML, summary.template().source());
        assertEquals(model.toAbsolutePath().normalize(), summary.folder());
    }

    @Test
    void aModelWithoutATemplateGetsTheDefaultOneAndSaysSo() throws Exception {
        Path model = TinyRuns.model(dir);
        Path config = model.resolve("tokenizer_config.json");
        Files.writeString(config, Files.readString(config).replaceAll("\"chat_template\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\",?", ""));
        ModelSummary summary = inspector.inspect(model);
        assertTrue(summary.defaultTemplate(), Files.readString(config));
    }

    @Test
    void anUnsupportedArchitectureNamesTheSupportedOnes() throws Exception {
        Path model = TinyRuns.model(dir);
        Path config = model.resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("LlamaForCausalLM", "GPT2LMHeadModel"));
        Exception e = assertThrows(RuntimeException.class, () -> inspector.inspect(model));
        assertTrue(e.getMessage().contains("'GPT2LMHeadModel' is not supported"), e.getMessage());
        assertTrue(e.getMessage().contains("Qwen2ForCausalLM"), e.getMessage());
    }

    @Test
    void aMissingTokenizerIsNamed() throws Exception {
        Path model = TinyRuns.model(dir);
        Files.delete(model.resolve("tokenizer.json"));
        Exception e = assertThrows(RuntimeException.class, () -> inspector.inspect(model));
        assertTrue(e.getMessage().contains("tokenizer.json"), e.getMessage());
    }

    @Test
    void truncatedWeightsAreRefused() throws Exception {
        Path model = TinyRuns.model(dir);
        Path weights = model.resolve("model.safetensors");
        byte[] bytes = Files.readAllBytes(weights);
        Files.write(weights, java.util.Arrays.copyOf(bytes, bytes.length / 2), StandardOpenOption.TRUNCATE_EXISTING);
        Exception e = assertThrows(RuntimeException.class, () -> inspector.inspect(model));
        assertTrue(e.getMessage().contains("model.safetensors"), e.getMessage());
    }

    @Test
    void aWeightOfTheWrongShapeIsNamed() throws Exception {
        Path model = TinyRuns.model(dir);
        Path config = model.resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("\"intermediate_size\": 64", "\"intermediate_size\": 48"));
        Exception e = assertThrows(RuntimeException.class, () -> inspector.inspect(model));
        assertTrue(e.getMessage().contains("mlp") && e.getMessage().contains("[64, 32]"), e.getMessage());
    }

    @Test
    void aFolderThatIsNoModelSaysWhatIsMissing() throws Exception {
        Exception missing = assertThrows(RuntimeException.class, () -> inspector.inspect(dir.resolve("nowhere")));
        assertTrue(missing.getMessage().contains("is not a folder"), missing.getMessage());
        Exception empty = assertThrows(RuntimeException.class, () -> inspector.inspect(dir));
        assertTrue(empty.getMessage().contains("config.json"), empty.getMessage());
    }
}
