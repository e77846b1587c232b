package org.spinworkbench.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.SharedFixtures;

/**
 * Rotary frequencies with {@code rope_scaling}, against golden values computed independently
 * in PyTorch 1.13 (float32) with transformers' {@code _compute_llama3_parameters} and linear
 * scaling written out in Python: {@code inv_freq = 1 / base ** (arange(0, d, 2).float() / d)},
 * then the scaling.
 */
class RopeScalingTest {
    /** Llama 3.2 1B: head_dim 64, rope_theta 500000, factor 32, low 1, high 4, original context 8192. */
    private static final float[] LLAMA3 = {1.0f, 0.663601279258728f, 0.44036662578582764f, 0.2922278344631195f,
            0.193922758102417f, 0.12868738174438477f, 0.08539710193872452f, 0.05666961893439293f,
            0.03760603070259094f, 0.02495540864765644f, 0.016560440883040428f, 0.010989529080688953f,
            0.00729266507551074f, 0.00483942124992609f, 0.0032114461064338684f, 0.0012905480107292533f,
            0.000429556705057621f, 9.708286233944818e-05f, 1.9461638657958247e-05f, 1.291476746700937e-05f,
            8.570255886297673e-06f, 5.687232260243036e-06f, 3.7740544485131977e-06f, 2.504467147446121e-06f,
            1.6619674170215148e-06f, 1.1028836297555245e-06f, 7.318749339901842e-07f, 4.856731266045244e-07f,
            3.2229328894572973e-07f, 2.1387423032592778e-07f, 1.4192720243499934e-07f, 9.418306490260875e-08f};
    /** cos(1000 · inv_freq) of the first eight Llama 3.2 frequencies. */
    private static final float[] LLAMA3_COS_AT_1000 = {0.5623790621757507f, -0.7483618855476379f,
            0.8558177351951599f, -0.9982168674468994f, 0.6554753184318542f, -0.9930554032325745f,
            -0.8396810293197632f, 0.9926941394805908f};
    /** head_dim 16, rope_theta 10000, linear factor 4. */
    private static final float[] LINEAR = {0.25f, 0.07905694097280502f, 0.02500000037252903f, 0.007905694656074047f,
            0.0024999999441206455f, 0.0007905694656074047f, 0.0002500000118743628f, 7.905694656074047e-05f};

    @TempDir
    Path dir;

    @Test
    void llama32IsReadWithItsLlama3Scaling() throws IOException {
        ModelConfig config = ModelConfig.read(SharedFixtures.hfReal("llama-3.2-1b").resolve("config.json"));

        assertEquals(new RopeScaling("llama3", 32, 1, 4, 8192), config.ropeScaling());
        assertClose(LLAMA3, new RotaryEmbedding(config.headDim(), config.ropeTheta(), config.ropeScaling())
                .inverseFrequencies(), 2e-6);
    }

    @Test
    void llama3AnglesMatchTheReference() {
        RotaryEmbedding rope = new RotaryEmbedding(64, 500000, new RopeScaling("llama3", 32, 1, 4, 8192));
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray cos = rope.at(manager.create(new long[] {1000}).reshape(1, 1)).cos();   // (1, 1, 1, 64)
            float[] first = cos.get("0, 0, 0, :8").toFloatArray();
            assertClose(LLAMA3_COS_AT_1000, first, 2e-4); // float32 angles near 1000 rad: a few ulps of the angle
        }
    }

    @Test
    void linearScalingDividesEveryFrequency() throws IOException {
        ModelConfig config = ModelConfig.read(config("{\"type\": \"linear\", \"factor\": 4.0}"));

        assertClose(LINEAR, new RotaryEmbedding(16, 10000, config.ropeScaling()).inverseFrequencies(), 1e-6);
    }

    @Test
    void otherScalingTypesAreRefusedByName() throws IOException {
        Path file = config("{\"rope_type\": \"yarn\", \"factor\": 4.0}");

        UnsupportedModelException error = assertThrows(UnsupportedModelException.class, () -> ModelConfig.read(file));

        assertTrue(error.getMessage().contains("'yarn' is not supported; supported: default, linear, llama3"),
                error.getMessage());
    }

    @Test
    void aLlama3ScalingWithoutItsFactorsNamesTheMissingKey() throws IOException {
        Path file = config("{\"rope_type\": \"llama3\", \"factor\": 8.0}");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ModelConfig.read(file));

        assertTrue(error.getMessage().contains("'low_freq_factor'"), error.getMessage());
    }

    private Path config(String ropeScaling) throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, "{\"architectures\": [\"LlamaForCausalLM\"], \"vocab_size\": 32, \"hidden_size\": 16,"
                + " \"intermediate_size\": 32, \"num_hidden_layers\": 1, \"num_attention_heads\": 1,"
                + " \"max_position_embeddings\": 64, \"rope_scaling\": " + ropeScaling + "}");
        return file;
    }

    private static void assertClose(float[] expected, float[] actual, double relative) {
        assertEquals(expected.length, actual.length, "length");
        for (int i = 0; i < expected.length; i++) {
            double tolerance = relative * Math.max(1e-30, Math.abs(expected[i]));
            assertEquals(expected[i], actual[i], Math.max(tolerance, relative * 1e-3), "index " + i);
        }
    }
}
