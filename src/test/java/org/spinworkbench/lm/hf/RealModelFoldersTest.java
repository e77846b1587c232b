package org.spinworkbench.lm.hf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spinworkbench.lm.ChatMessage.assistant;
import static org.spinworkbench.lm.ChatMessage.system;
import static org.spinworkbench.lm.ChatMessage.user;

import ai.djl.Device;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.lm.ChatMessage;
import org.spinworkbench.lm.RopeScaling;
import org.spinworkbench.lm.SamplingOptions;

/**
 * Model folders as published models ship them (real tokenizers, templates, generation and
 * config files; scaled-down random weights), loaded, tokenised, generated from and saved
 * again. See {@link RealModelFolders}.
 */
class RealModelFoldersTest {
    private static final String RESPONSE = "The answer is 4.";
    private static final List<ChatMessage> ONE_TURN = List.of(user("What is 2+2?"));
    private static final List<ChatMessage> TWO_TURNS = List.of(user("What is 2+2?"), assistant("2+2 equals 4."),
            user("And times 3?\nAnswer briefly. "));

    @TempDir
    static Path dir;
    private static Path tinyLlama;
    private static Path mistral;
    private static Path qwen2;

    @BeforeAll
    static void checkpoints() throws IOException {
        tinyLlama = RealModelFolders.checkpoint(RealModelFolders.tinyLlama(dir), dir.resolve("tinyllama"));
        mistral = RealModelFolders.checkpoint(RealModelFolders.mistral(dir), dir.resolve("mistral"));
        qwen2 = RealModelFolders.checkpoint(RealModelFolders.qwen2(dir), dir.resolve("qwen2"));
    }

    @Test
    void promptAndResponseIdsAreTheWholeConversationsIdsInEveryFamily() {
        for (Path folder : List.of(tinyLlama, mistral, qwen2)) {
            for (BosPolicy policy : BosPolicy.values()) {
                try (PretrainedModel model = PretrainedModel.load(folder, Device.cpu())) {
                    model.setBosPolicy(policy);
                    for (List<ChatMessage> prompt : List.of(ONE_TURN, TWO_TURNS)) {
                        TokenPair pair = model.pairTokens(prompt, RESPONSE, false);
                        List<ChatMessage> whole = new ArrayList<>(prompt);
                        whole.add(assistant(RESPONSE));
                        int[] expected = model.tokenizer().encode(model.chatTemplate().render(whole, false), false);
                        int[] got = concat(pair.prompt(), pair.response());
                        int bos = model.tokenizer().specialTokens().bosTokenId() == null ? -1
                                : model.tokenizer().specialTokens().bosTokenId();
                        boolean bosAdded = got.length == expected.length + 1;
                        assertArrayEquals(expected, bosAdded ? Arrays.copyOfRange(got, 1, got.length) : got,
                                folder.getFileName() + " " + policy + ": prompt + response ids are the conversation's");
                        if (bosAdded) {
                            assertEquals(bos, got[0], folder.getFileName() + ": only BOS is ever added");
                        }
                        assertArrayEquals(pair.prompt(), model.promptTokens(prompt, false),
                                folder.getFileName() + ": generation sees the prompt training scores");
                        assertTrue(model.tokenizer().decode(pair.response(), false).startsWith(RESPONSE),
                                folder.getFileName() + ": " + model.tokenizer().decode(pair.response(), false));
                    }
                }
            }
        }
    }

    @Test
    void sentencePieceResponsesKeepTheTokensTheModelWrites() {
        for (Path folder : List.of(tinyLlama, mistral)) {
            try (PretrainedModel model = PretrainedModel.load(folder, Device.cpu())) {
                TokenPair pair = model.pairTokens(ONE_TURN, RESPONSE, false);
                String first = model.tokenizer().token(pair.response()[0]);
                String alone = model.tokenizer().token(model.tokenizer().encode(RESPONSE, false)[0]);

                assertEquals("▁The", alone, "tokenised on its own the response gains the word-start mark");
                // in context the answer follows "<|assistant|>\n" (TinyLlama) or "[/INST]" (Mistral)
                assertEquals("The", first, folder.getFileName() + ": the token the model reads and writes there");
            }
        }
    }

    @Test
    void bosIsAddedOnceWhereTheTokenizerAddsItAndNeverTwice() {
        try (PretrainedModel tiny = PretrainedModel.load(tinyLlama, Device.cpu());
             PretrainedModel mistralModel = PretrainedModel.load(mistral, Device.cpu());
             PretrainedModel qwen = PretrainedModel.load(qwen2, Device.cpu())) {
            // TinyLlama: add_bos_token true, its zephyr-style template writes no <s>
            assertTrue(tiny.tokenizer().addsBosToken());
            assertEquals(1, tiny.promptTokens(ONE_TURN, false)[0]);
            assertEquals(1, IntStream.of(tiny.promptTokens(ONE_TURN, false)).filter(id -> id == 1).count());
            tiny.setBosPolicy(BosPolicy.TEMPLATE);
            assertFalse(IntStream.of(tiny.promptTokens(ONE_TURN, false)).anyMatch(id -> id == 1),
                    "apply_chat_template(tokenize=True) gives no BOS for this template");
            // Mistral's template writes {{ bos_token }}: one BOS under either choice
            for (BosPolicy policy : BosPolicy.values()) {
                mistralModel.setBosPolicy(policy);
                int[] ids = mistralModel.promptTokens(ONE_TURN, false);
                assertEquals(1, ids[0]);
                assertEquals(1, IntStream.of(ids).filter(id -> id == 1).count(), policy + ": BOS once");
            }
            // Qwen2 has no BOS token at all
            assertFalse(qwen.tokenizer().addsBosToken());
            assertEquals(151644, qwen.promptTokens(ONE_TURN, false)[0], "<|im_start|>");
        }
    }

    @Test
    void generationStopsAtEveryEosIdOfGenerationConfig() throws IOException {
        try (PretrainedModel qwen = PretrainedModel.load(qwen2, Device.cpu())) {
            assertTrue(qwen.eosTokenIds().containsAll(List.of(151645, 151643)), qwen.eosTokenIds().toString());
        }
        // Llama-3-8B-Instruct as first published: config.json eos 128001, generation_config [128001, 128009]
        Path llama = RealModelFolders.checkpoint(RealModelFolders.llama32(dir,
                "{\"bos_token_id\": 128000, \"eos_token_id\": [128001, 128009], \"do_sample\": true,"
                        + " \"temperature\": 0.6, \"top_p\": 0.9}"), dir.resolve("llama32"));
        try (PretrainedModel model = PretrainedModel.load(llama, Device.cpu())) {
            assertTrue(model.eosTokenIds().containsAll(List.of(128001, 128009)), model.eosTokenIds().toString());
            assertEquals(0.6, model.generationConfig().temperature().orElseThrow(), 1e-12);
            assertEquals(new RopeScaling("llama3", 32, 1, 4, 8192), model.config().ropeScaling());
        }
    }

    @Test
    void initModelAndExportKeepEveryKeyAndCopyTokenizerFilesByteForByte() throws IOException {
        Path qwenSource = dir.resolve("qwen2-source");
        assertKept(qwenSource, qwen2);
        Path exported = dir.resolve("qwen2-exported");
        try (PretrainedModel model = PretrainedModel.load(qwen2, Device.cpu())) {
            ModelWriter.save(model, exported, DType.BF16);
        }
        assertKept(qwenSource, exported);
        JsonObject config = RealModelFolders.read(exported.resolve("config.json"));
        assertEquals("bfloat16", config.get("torch_dtype").getAsString());
        assertEquals(32768, config.get("sliding_window").getAsInt());
        assertFalse(config.get("use_sliding_window").getAsBoolean());
        assertTrue(config.has("max_window_layers"));

        Path llamaSource = RealModelFolders.llama32(dir.resolve("keys"), "{\"eos_token_id\": [128001, 128009]}");
        Path llama = RealModelFolders.checkpoint(llamaSource, dir.resolve("keys").resolve("llama32"));
        JsonObject written = RealModelFolders.read(llama.resolve("config.json"));
        JsonObject published = RealModelFolders.read(llamaSource.resolve("config.json"));
        published.remove("quantization_config"); // the weights are written unquantized
        published.addProperty("torch_dtype", "float32");
        assertEquals(published, written, "every other key of config.json, rope_scaling included");
    }

    private static void assertKept(Path source, Path model) throws IOException {
        JsonObject config = RealModelFolders.read(source.resolve("config.json"));
        JsonObject written = RealModelFolders.read(model.resolve("config.json"));
        config.add("torch_dtype", written.get("torch_dtype"));
        assertEquals(config, written, model + ": config.json keeps every key");
        for (String name : RealModelFolders.FILES) {
            if (Files.exists(source.resolve(name))) {
                assertArrayEquals(Files.readAllBytes(source.resolve(name)), Files.readAllBytes(model.resolve(name)),
                        model + ": " + name + " byte for byte");
            }
        }
    }

    @Test
    void aModelWithLlama3RopeScalingGenerates() throws IOException {
        Path llama = RealModelFolders.checkpoint(RealModelFolders.llama32(dir.resolve("gen"), "{}"),
                dir.resolve("gen").resolve("llama32"));
        try (PretrainedModel model = PretrainedModel.load(llama, Device.cpu())) {
            List<Completion> answers = new TextGenerator(model).generate(List.of("Hi"), false,
                    SamplingOptions.greedy(4), 1, done -> { });
            assertEquals(1, answers.size());
            assertTrue(answers.get(0).tokenIds().length >= 1 && answers.get(0).tokenIds().length <= 4);
        }
    }

    @Test
    void mistralRefusesASystemTurnByItsOwnWords() {
        ChatTemplate template = ChatTemplate.load(mistral);
        ChatTemplateException refusal = org.junit.jupiter.api.Assertions.assertThrows(ChatTemplateException.class,
                () -> template.render(List.of(system("Be brief."), user("Hi")), true));

        assertTrue(refusal.reason().contains("roles must alternate"), refusal.reason());
    }

    private static int[] concat(int[] a, int[] b) {
        int[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
