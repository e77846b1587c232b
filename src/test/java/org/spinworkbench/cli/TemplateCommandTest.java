package org.spinworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.SharedFixtures;
import org.spinworkbench.lm.hf.RandomModels;

/**
 * {@code template} on published tokenizer folders; expected texts were rendered by Python's
 * Jinja2 as transformers sets it up (the Mistral template's refusal is its raise_exception).
 */
class TemplateCommandTest {
    private final CliHarness cli = new CliHarness();

    @TempDir
    Path dir;

    @Test
    void aFolderWithOnlyATokenizerConfigRendersTextWithoutIds() throws IOException {
        Path messages = Files.writeString(dir.resolve("m.json"), "[{\"role\": \"user\", \"content\": \"Hi\"}]");

        Path smolLm2 = SharedFixtures.chatTemplates().resolve("templates").resolve("library_smollm2_135m");
        int code = cli.run("template", "--model", smolLm2.toString(),
                "--messages", messages.toString(), "--add-generation-prompt", "--json");

        assertEquals(0, code, cli.err.toString());
        JsonObject result = JsonParser.parseString(cli.out.toString()).getAsJsonObject();
        assertEquals("<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n"
                + "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n", result.get("text").getAsString());
        assertFalse(result.has("token_ids"), "no tokenizer.json: no ids");
    }

    @Test
    void withATokenizerTheIdsAreThoseOfTheTextWithNoSpecialTokensAdded() throws IOException {
        Path model = dir.resolve("model");
        Path config = Files.writeString(dir.resolve("config.json"), "{\"architectures\": [\"LlamaForCausalLM\"],"
                + " \"vocab_size\": 259, \"hidden_size\": 8, \"intermediate_size\": 16, \"num_hidden_layers\": 1,"
                + " \"num_attention_heads\": 1, \"max_position_embeddings\": 32}");
        RandomModels.create(config, RandomModels.BYTE_LEVEL, 1, model, org.spinworkbench.lm.hf.DType.F32);
        Path messages = Files.writeString(dir.resolve("m.json"), "[{\"role\": \"user\", \"content\": \"Hi\"}]");

        assertEquals(0, cli.run("template", "--model", model.toString(), "--messages", messages.toString(), "--json"),
                cli.err.toString());
        JsonObject result = JsonParser.parseString(cli.out.toString()).getAsJsonObject();
        assertEquals("<|im_start|>user\nHi<|im_end|>\n", result.get("text").getAsString());
        JsonArray ids = result.getAsJsonArray("token_ids");
        // <|im_start|> 257, the bytes of "user\nHi", <|im_end|> 258, "\n": no BOS or EOS added
        assertEquals("[257,117,115,101,114,10,72,105,258,10]", ids.toString());
    }

    @Test
    void aRefusalExitsOneWithTheTemplatesOwnMessage() throws IOException {
        Path messages = Files.writeString(dir.resolve("m.json"), "[{\"role\": \"system\", \"content\": \"Be brief.\"},"
                + " {\"role\": \"user\", \"content\": \"Hi\"}]");

        int code = cli.run("template", "--model", SharedFixtures.hfReal("mistral-7b-instruct-v0.2").toString(),
                "--messages", messages.toString(), "--json");

        assertEquals(1, code);
        assertEquals("Conversation roles must alternate user/assistant/user/assistant/...", cli.err.toString().strip());
        assertEquals("", cli.out.toString());
    }

    @Test
    void inputLinesGiveOneJsonLineEachErrorsIncluded() throws IOException {
        Path input = Files.writeString(dir.resolve("in.jsonl"), String.join("\n", List.of(
                "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}], \"add_generation_prompt\": true}",
                "{\"messages\": [{\"role\": \"system\", \"content\": \"x\"}, {\"role\": \"user\", \"content\": \"Hi\"}]}",
                "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}, {\"role\": \"assistant\", \"content\": \"Yo\"}]}")) + "\n");

        int code = cli.run("template", "--model", SharedFixtures.hfReal("mistral-7b-instruct-v0.2").toString(),
                "--input", input.toString());

        assertEquals(0, code, cli.err.toString());
        String[] lines = cli.out.toString().strip().split("\n");
        assertEquals(3, lines.length);
        JsonObject first = JsonParser.parseString(lines[0]).getAsJsonObject();
        assertEquals("<s>[INST] Hi [/INST]", first.get("text").getAsString());
        assertTrue(first.has("token_ids"), "the Mistral fixture has tokenizer.json");
        assertEquals("Conversation roles must alternate user/assistant/user/assistant/...",
                JsonParser.parseString(lines[1]).getAsJsonObject().get("error").getAsString());
        assertEquals("<s>[INST] Hi [/INST]Yo</s>", JsonParser.parseString(lines[2]).getAsJsonObject().get("text").getAsString());
    }
}
