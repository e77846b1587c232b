package org.spinworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** init-model, generate and score through the command line, on a real (random) model. */
class ModelCommandsTest {
    @TempDir
    static Path dir;
    static Path model;

    private final CliHarness cli = new CliHarness();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    @BeforeAll
    static void createModel() throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, """
                {"architectures": ["LlamaForCausalLM"], "vocab_size": 259, "hidden_size": 32,
                 "intermediate_size": 64, "num_hidden_layers": 2, "num_attention_heads": 4,
                 "num_key_value_heads": 2, "max_position_embeddings": 128, "bos_token_id": 256, "eos_token_id": 258}
                """);
        model = dir.resolve("model");
        ModelCommandsTest first = new ModelCommandsTest();
        assertEquals(0, first.run("init-model", "--config", config.toString(), "--output", model.toString(),
                "--seed", "3"), first.err.toString());
        assertTrue(first.out.toString().contains("random parameters"), first.out.toString());
    }

    @Test
    void benchRefusesSequencesTooShortForAPromptAndAResponse() {
        assertEquals(2, run("bench", "--model", model.toString(), "--batch-sizes", "1", "--train-tokens", "3"));
        assertTrue(err.toString().contains("--train-tokens must be at least 4"), err.toString());
        assertEquals(2, run("bench", "--model", model.toString(), "--batch-sizes", "1", "--score-tokens", "2"));
        assertTrue(err.toString().contains("--score-tokens must be at least 4"), err.toString());
        assertFalse(err.toString().contains("Loaded"), "refused before the model loads: " + err);
    }

    @Test
    void generateWritesOneJsonObjectPerPrompt() throws Exception {
        Path input = dir.resolve("prompts.jsonl");
        Files.writeString(input, "{\"prompt\": \"2+2=\"}\n\n{\"prompt\": \"reverse: abc\"}\n");
        assertEquals(0, run("generate", "--model", model.toString(), "--input", input.toString(),
                "--max-new-tokens", "6", "--json", "--device", "cpu"), err.toString());
        List<String> lines = out.toString().lines().toList();
        assertEquals(2, lines.size(), out.toString());
        JsonObject first = JsonParser.parseString(lines.get(0)).getAsJsonObject();
        assertEquals("2+2=", first.get("prompt").getAsString());
        assertTrue(first.getAsJsonArray("token_ids").size() <= 6);
        assertTrue(first.has("text"));
        assertTrue(err.toString().contains("device: CPU"), err.toString());
    }

    @Test
    void rawGenerationToAFileIsReproducibleWithASeed() throws Exception {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        String[] common = {"generate", "--model", model.toString(), "--prompt", "Once upon", "--raw",
            "--temperature", "0.9", "--top-p", "0.9", "--top-k", "50", "--seed", "42", "--max-new-tokens", "10", "--json"};
        assertEquals(0, run(concat(common, "--output", a.toString())), err.toString());
        assertEquals(0, run(concat(common, "--output", b.toString())), err.toString());
        assertEquals(Files.readString(a), Files.readString(b));
        assertEquals("", out.toString());
    }

    @Test
    void scorePrintsTheLogProbabilityAndTokenCountOfEachResponse() throws Exception {
        Path input = dir.resolve("pairs.jsonl");
        Files.writeString(input, "{\"prompt\": \"2+2=\", \"response\": \"4\"}\n{\"prompt\": \"hi\", \"response\": \"hello\"}\n");
        assertEquals(0, run("score", "--model", model.toString(), "--input", input.toString(), "--raw", "--json"),
                err.toString());
        List<String> lines = out.toString().lines().toList();
        JsonObject second = JsonParser.parseString(lines.get(1)).getAsJsonObject();
        assertEquals(5, second.get("tokens").getAsInt(), "raw: five bytes of \"hello\"");
        assertTrue(second.get("logp").getAsDouble() < 0);

        assertEquals(0, run("score", "--model", model.toString(), "--input", input.toString()), err.toString());
        assertEquals(2, out.toString().lines().count());
        assertTrue(out.toString().lines().allMatch(line -> line.matches("-\\d+\\.\\d{6}\t\\d+")), out.toString());
    }

    @Test
    void badInputIsNamedByLineWithoutAStackTrace() throws Exception {
        Path input = dir.resolve("bad.jsonl");
        Files.writeString(input, "{\"prompt\": \"fine\", \"response\": \"ok\"}\n{\"prompt\": \"no response\"}\n");
        assertEquals(1, run("score", "--model", model.toString(), "--input", input.toString()));
        assertEquals("error: bad.jsonl line 2: missing field \"response\"", err.toString().strip());

        assertEquals(1, run("generate", "--model", dir.resolve("absent").toString(), "--prompt", "x"));
        assertTrue(err.toString().contains("is not a model folder"), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());

        assertEquals(1, run("generate", "--model", model.toString(), "--prompt", "x", "--top-p", "0"));
        assertTrue(err.toString().contains("top-p must be in (0, 1]"), err.toString());

        assertEquals(2, run("generate", "--model", model.toString()));
        assertTrue(err.toString().contains("--prompt") && err.toString().contains("--input"), err.toString());
    }

    @Test
    void brokenJsonInAModelFolderOrADatasetIsOneLineWithoutGsonsAdvice() throws Exception {
        Path broken = dir.resolve("broken-config");
        Files.createDirectories(broken);
        for (String file : new String[] {"model.safetensors", "tokenizer.json", "tokenizer_config.json"}) {
            Files.copy(model.resolve(file), broken.resolve(file));
        }
        Files.writeString(broken.resolve("config.json"), "{\"architectures\": [\"Llama");
        assertEquals(1, run("generate", "--model", broken.toString(), "--prompt", "x"));
        assertEquals("error: " + broken.resolve("config.json") + " is not valid JSON: unterminated string at line 1,"
                + " column 26", err.toString().strip());

        Path brokenTokenizer = dir.resolve("broken-tokenizer-config");
        Files.createDirectories(brokenTokenizer);
        for (String file : new String[] {"model.safetensors", "tokenizer.json", "config.json"}) {
            Files.copy(model.resolve(file), brokenTokenizer.resolve(file));
        }
        Files.writeString(brokenTokenizer.resolve("tokenizer_config.json"), "{\"bos_token\": ");
        err.getBuffer().setLength(0);
        assertEquals(1, run("generate", "--model", brokenTokenizer.toString(), "--prompt", "x"));
        assertEquals("error: " + brokenTokenizer.resolve("tokenizer_config.json") + " is not valid JSON: the text"
                + " ends at line 1, column 15 before the JSON does", err.toString().strip());

        Path data = dir.resolve("invalid.jsonl");
        Files.writeString(data, "{\"prompt\": \"a\", \"response\": \"b\"}\n{\"prompt\": \"a\" \"response\": \"b\"}\n");
        err.getBuffer().setLength(0);
        assertEquals(1, run("score", "--model", model.toString(), "--input", data.toString()));
        assertEquals("error: invalid.jsonl line 2: not valid JSON: unterminated object at column 17",
                err.toString().strip());
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
