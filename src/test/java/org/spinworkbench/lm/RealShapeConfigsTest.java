package org.spinworkbench.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The sample configs with the shapes of published models: the weights they describe add up
 * to the published parameter counts (tied embeddings counted once), so {@code init-model} on
 * them builds a model of the real size.
 */
class RealShapeConfigsTest {
    private static ModelConfig read(String name) throws IOException {
        return ModelConfig.read(Path.of("sample-data/configs", name));
    }

    @Test
    void smolLm2HasTheShapesAndSizeOfSmolLm2_135M() throws IOException {
        ModelConfig config = read("smollm2-135m.json");
        assertEquals("LlamaForCausalLM", config.architecture());
        assertEquals(134_515_008L, config.parameterCount());
        assertTrue(config.tieWordEmbeddings());
        assertArrayEquals(new long[] {192, 576}, config.expectedShapes().get("model.layers.29.self_attn.k_proj.weight"),
                "3 key-value heads of 64");
        assertEquals(100_000.0, config.ropeTheta());
    }

    @Test
    void qwenHasTheShapesAndSizeOfQwen2_5_0_5B() throws IOException {
        ModelConfig config = read("qwen2.5-0.5b.json");
        assertEquals("Qwen2ForCausalLM", config.architecture());
        assertEquals(494_032_768L, config.parameterCount());
        assertTrue(config.tieWordEmbeddings() && config.attentionBias());
        assertArrayEquals(new long[] {128}, config.expectedShapes().get("model.layers.23.self_attn.v_proj.bias"),
                "2 key-value heads of 64, with biases");
        assertEquals(151_936, config.vocabSize());
        assertEquals(1_000_000.0, config.ropeTheta());
    }
}
