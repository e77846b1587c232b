package org.spinworkbench.lm.hf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.lm.ModelConfig;
import org.spinworkbench.lm.RandomInitializer;
import org.spinworkbench.lm.SamplingOptions;
import org.spinworkbench.lm.UnsupportedModelException;

/** A whole model folder: random weights, the byte-level tokenizer, ChatML; loaded, run, saved, reloaded. */
class PretrainedModelTest {
    private static final String CONFIG = """
            {"architectures": ["Qwen2ForCausalLM"], "model_type": "qwen2", "vocab_size": 260,
             "hidden_size": 32, "intermediate_size": 64, "num_hidden_layers": 2, "num_attention_heads": 4,
             "num_key_value_heads": 2, "max_position_embeddings": 256, "rope_theta": 10000.0,
             "rms_norm_eps": 1e-6, "tie_word_embeddings": true, "bos_token_id": 256, "eos_token_id": 258}
            """;

    @TempDir
    Path dir;

    private Path createModel(String name, String configJson) throws Exception {
        Path tokenizer = dir.resolve("tokenizer-source");
        if (!Files.exists(tokenizer)) {
            ByteLevelTokenizerFactory.write(tokenizer);
        }
        Path configFile = dir.resolve(name + "-config.json");
        Files.writeString(configFile, configJson);
        ModelConfig config = ModelConfig.read(configFile);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            ModelWriter.write(config, RandomInitializer.weights(config, 5, manager), tokenizer, dir.resolve(name),
                    DType.F32);
        }
        return dir.resolve(name);
    }

    private static final List<String> PROMPTS = List.of("What is 2+2?", "Sort: pear apple fig", "你好");

    @Test
    void aSavedModelReloadsToIdenticalOutputs() throws Exception {
        Path original = createModel("original", CONFIG);
        List<Completion> before;
        List<ResponseScore> scoresBefore;
        try (PretrainedModel model = PretrainedModel.load(original, Device.cpu())) {
            before = new TextGenerator(model).generate(PROMPTS, false, SamplingOptions.greedy(12), 2, done -> { });
            scoresBefore = new TextScorer(model).score(List.of(new PromptResponse("2+2?", "4")), false, 1);
            ModelWriter.save(model, dir.resolve("copy"), DType.F32);
        }
        for (String file : List.of("config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json",
                "generation_config.json")) {
            assertTrue(Files.isRegularFile(dir.resolve("copy").resolve(file)), file);
        }
        try (PretrainedModel copy = PretrainedModel.load(dir.resolve("copy"), Device.cpu())) {
            List<Completion> after = new TextGenerator(copy).generate(PROMPTS, false, SamplingOptions.greedy(12), 3,
                    done -> { });
            for (int i = 0; i < PROMPTS.size(); i++) {
                assertArrayEquals(before.get(i).tokenIds(), after.get(i).tokenIds());
                assertEquals(before.get(i).text(), after.get(i).text());
            }
            assertEquals(scoresBefore.get(0).logp(),
                    new TextScorer(copy).score(List.of(new PromptResponse("2+2?", "4")), false, 1).get(0).logp(), 0.0);
        }
        String generationConfig = Files.readString(dir.resolve("copy/generation_config.json"));
        assertTrue(generationConfig.contains("\"eos_token_id\": 258"), generationConfig);
        assertTrue(generationConfig.contains("\"pad_token_id\": 256"), generationConfig);
    }

    @Test
    void chatPromptsGoThroughTheTemplateAndRawPromptsDoNot() throws Exception {
        try (PretrainedModel model = PretrainedModel.load(createModel("m", CONFIG), Device.cpu())) {
            int[] chat = model.promptTokens("hi", false);
            assertEquals(ByteLevelTokenizerFactory.specialTokenId(ByteLevelTokenizerFactory.IM_START), chat[0]);
            assertEquals("<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n",
                    model.tokenizer().decode(chat, false));
            assertArrayEquals(new int[] {'h', 'i'}, model.promptTokens("hi", true));
            TokenPair pair = model.pairTokens("hi", "yo", false);
            assertEquals("yo<|im_end|>\n", model.tokenizer().decode(pair.response(), false));
            assertArrayEquals(chat, pair.prompt());
            assertTrue(model.eosTokenIds().contains(258));
        }
    }

    @Test
    void samplingDoesNotDependOnTheBatchSize() throws Exception {
        try (PretrainedModel model = PretrainedModel.load(createModel("m", CONFIG), Device.cpu())) {
            SamplingOptions sampled = new SamplingOptions(10, 1.0, 20, 0.95, 77, true);
            TextGenerator generator = new TextGenerator(model);
            List<Completion> one = generator.generate(PROMPTS, false, sampled, 1, done -> { });
            List<Completion> all = generator.generate(PROMPTS, false, sampled, 3, done -> { });
            for (int i = 0; i < PROMPTS.size(); i++) {
                assertArrayEquals(one.get(i).tokenIds(), all.get(i).tokenIds(), PROMPTS.get(i));
            }
        }
    }

    @Test
    void brokenFoldersAreReportedByFile() throws Exception {
        CheckpointException notAFolder = assertThrows(CheckpointException.class,
                () -> PretrainedModel.load(dir.resolve("nowhere"), Device.cpu()));
        assertTrue(notAFolder.getMessage().contains("is not a model folder"), notAFolder.getMessage());

        Path noTokenizer = createModel("no-tokenizer", CONFIG);
        Files.delete(noTokenizer.resolve("tokenizer.json"));
        TokenizerException tokenizer = assertThrows(TokenizerException.class,
                () -> PretrainedModel.load(noTokenizer, Device.cpu()));
        assertTrue(tokenizer.getMessage().contains("tokenizer.json"), tokenizer.getMessage());

        Path truncated = createModel("truncated", CONFIG);
        Path weights = truncated.resolve("model.safetensors");
        try (var channel = Files.newByteChannel(weights, StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(weights) - 100);
        }
        CheckpointException cut = assertThrows(CheckpointException.class,
                () -> PretrainedModel.load(truncated, Device.cpu()));
        assertTrue(cut.getMessage().contains("model.safetensors"), cut.getMessage());

        Path gpt2 = createModel("gpt2", CONFIG);
        Files.writeString(gpt2.resolve("config.json"), CONFIG.replace("Qwen2ForCausalLM", "GPT2LMHeadModel"));
        UnsupportedModelException unsupported = assertThrows(UnsupportedModelException.class,
                () -> PretrainedModel.load(gpt2, Device.cpu()));
        assertTrue(unsupported.getMessage().contains("GPT2LMHeadModel")
                && unsupported.getMessage().contains("LlamaForCausalLM"), unsupported.getMessage());
    }

    @Test
    void savingRefusesAFolderThatHoldsSomethingAndLeavesItAlone() throws Exception {
        Path original = createModel("original", CONFIG);
        Path occupied = Files.createDirectories(dir.resolve("occupied"));
        Files.writeString(occupied.resolve("notes.txt"), "keep me");
        try (PretrainedModel model = PretrainedModel.load(original, Device.cpu())) {
            CheckpointException e = assertThrows(CheckpointException.class,
                    () -> ModelWriter.save(model, occupied, DType.BF16));
            assertTrue(e.getMessage().contains("is not empty"), e.getMessage());
            ModelWriter.save(model, dir.resolve("bf16"), DType.BF16);
        }
        assertEquals(List.of("notes.txt"), Files.list(occupied).map(p -> p.getFileName().toString()).toList());
        assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().contains(".partial-")));
        try (PretrainedModel bf16 = PretrainedModel.load(dir.resolve("bf16"), Device.cpu())) {
            assertEquals("bfloat16", bf16.config().torchDtype());
        }
    }
}
