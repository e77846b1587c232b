package org.spinworkbench.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TestWeights} against the {@code weights_check} of every golden variant, as the Python
 * reference wrote it: the first values exactly (after rounding to the variant's on-disk dtype, F16 and
 * BF16 with round-to-nearest-even done here in bit / power-of-two arithmetic, since Java 17 has no
 * {@code Float.floatToFloat16}), and the sum over the whole tensor (every value rounded) within 1e-9.
 */
class TestWeightsTest {

    @ParameterizedTest
    @ValueSource(strings = {"llama-tied-gqa", "qwen2-bias", "mistral-headdim", "llama-bf16-sharded"})
    void generatorMatchesThePythonReference(String variant) throws IOException {
        JsonObject expected = readGolden(variant);
        String dtype = expected.get("dtype").getAsString();
        JsonObject checks = expected.getAsJsonObject("weights_check");
        assertTrue(checks.size() >= 3, variant + ": weights_check names at least three tensors");

        for (Map.Entry<String, JsonElement> check : checks.entrySet()) {
            String name = check.getKey();
            JsonObject want = check.getValue().getAsJsonObject();
            long[] shape = toLongs(want.getAsJsonArray("shape"));
            float[] values = TestWeights.values(name, shape);

            double sum = 0;
            for (int i = 0; i < values.length; i++) {
                values[i] = roundTo(dtype, values[i]);
                sum += values[i];
            }
            var first = want.getAsJsonArray("first_values");
            assertEquals(4, first.size(), variant + " " + name);
            for (int i = 0; i < first.size(); i++) {
                assertEquals(first.get(i).getAsFloat(), values[i], 0f, variant + " " + name + "[" + i + "]");
            }
            assertEquals(want.get("sum").getAsDouble(), sum, 1e-9, variant + " " + name + " sum");
        }
    }

    @Test
    void valuesDependOnTheNameAndStayInTheirRanges() {
        float[] norm = TestWeights.values("model.layers.0.input_layernorm.weight", new long[] {32});
        float[] embed = TestWeights.values("model.embed_tokens.weight", new long[] {96, 32});
        float[] bias = TestWeights.values("model.layers.0.self_attn.q_proj.bias", new long[] {32});
        float[] other = TestWeights.values("model.layers.1.self_attn.q_proj.weight", new long[] {32, 32});
        assertInRange(norm, 0.9f, 1.1f);
        assertInRange(embed, -0.5f, 0.5f);
        assertInRange(bias, -0.1f, 0.1f);
        assertInRange(other, -0.08f, 0.08f);
        float[] otherLayer = TestWeights.values("model.layers.0.self_attn.q_proj.weight", new long[] {32, 32});
        assertTrue(otherLayer[0] != other[0], "another name gives other values");
    }

    @Test
    void roundingIsToNearestEven() {
        // F16: ulp at 1 is 2^-10, subnormal quantum 2^-24
        assertEquals(1f, roundF16(1f + 0x1p-11f));
        assertEquals(1f + 0x1p-9f, roundF16(1f + 3 * 0x1p-11f));
        assertEquals(1f + 0x1p-10f, roundF16(1f + 0x1.8p-11f));
        assertEquals(0f, roundF16(0x1p-25f));
        assertEquals(0x1p-23f, roundF16(3 * 0x1p-25f));
        assertEquals(-0x1p-24f, roundF16(-0x1.8p-25f));
        assertEquals(65504f, roundF16(65504f));
        assertEquals(Float.POSITIVE_INFINITY, roundF16(65520f));
        // BF16: ulp at 1 is 2^-7
        assertEquals(1f, roundBf16(1f + 0x1p-8f));
        assertEquals(1f + 0x1p-6f, roundBf16(1f + 3 * 0x1p-8f));
        assertEquals(-(1f + 0x1p-7f), roundBf16(-(1f + 0x1.8p-8f)));
    }

    private static float roundTo(String dtype, float value) {
        return switch (dtype) {
            case "F32" -> value;
            case "F16" -> roundF16(value);
            case "BF16" -> roundBf16(value);
            default -> throw new IllegalArgumentException("unknown dtype " + dtype);
        };
    }

    /** float32 -> bfloat16 -> float32, round to nearest even on the bits (finite values). */
    static float roundBf16(float value) {
        int bits = Float.floatToRawIntBits(value);
        bits += 0x7FFF + ((bits >>> 16) & 1);
        return Float.intBitsToFloat(bits & 0xFFFF0000);
    }

    /**
     * float32 -> float16 -> float32, round to nearest even: a multiple of the float16 quantum at this
     * magnitude (2^(e-10), or 2^-24 among the subnormals), found with Math.rint, which ties to even.
     * Dividing by a power of two is exact in double, so only rint rounds.
     */
    static float roundF16(float value) {
        int exponent = Math.max(Math.getExponent(value), -14);
        double quantum = Math.scalb(1.0, exponent - 10);
        double rounded = Math.rint(value / quantum) * quantum;
        return Math.abs(rounded) > 65504 ? Math.copySign(Float.POSITIVE_INFINITY, value) : (float) rounded;
    }

    private static JsonObject readGolden(String variant) throws IOException {
        String resource = "/golden/" + variant + "/expected.json";
        try (InputStream in = TestWeightsTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, "missing golden file " + resource + " (run src/test/python/reference_llama.py)");
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return JsonParser.parseReader(reader).getAsJsonObject();
            }
        }
    }

    private static long[] toLongs(com.google.gson.JsonArray array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).getAsLong();
        }
        return out;
    }

    private static void assertInRange(float[] values, float low, float high) {
        for (float v : values) {
            assertTrue(v >= low && v <= high, v + " outside [" + low + ", " + high + "]");
        }
    }
}
