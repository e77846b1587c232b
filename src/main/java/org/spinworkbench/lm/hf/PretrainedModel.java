package org.spinworkbench.lm.hf;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.spinworkbench.lm.ChatMessage;
import org.spinworkbench.lm.LlamaModel;
import org.spinworkbench.lm.ModelConfig;
import org.spinworkbench.lm.NativeAllocator;

/**
 * A model loaded from a Hugging Face folder: the network, its tokenizer and its chat
 * template, and the one place that turns text into the token ids the network sees, so
 * generation and training format prompts identically.
 */
public final class PretrainedModel implements AutoCloseable {
    public static final String CONFIG_FILE = "config.json";

    private final Path folder;
    private final ModelConfig config;
    private final LlamaModel network;
    private final TextTokenizer tokenizer;
    private final ChatTemplate template;
    private final GenerationConfig generation;
    private volatile BosPolicy bosPolicy = BosPolicy.TOKENIZER;

    private PretrainedModel(Path folder, ModelConfig config, LlamaModel network, TextTokenizer tokenizer,
                            ChatTemplate template, GenerationConfig generation) {
        this.folder = folder;
        this.generation = generation;
        this.config = config;
        this.network = network;
        this.tokenizer = tokenizer;
        this.template = template;
    }

    /** Loads config, tokenizer, chat template and weights; every failure names the file. */
    public static PretrainedModel load(Path folder, Device device) {
        if (!Files.isDirectory(folder)) {
            throw new CheckpointException(folder + " is not a model folder (expected a folder with config.json,"
                    + " model.safetensors and tokenizer.json).");
        }
        ModelConfig config = readConfig(folder);
        TextTokenizer tokenizer = TextTokenizer.load(folder, config.bosTokenId(), config.eosTokenIds());
        try {
            if (tokenizer.vocabSize() > config.vocabSize()) {
                throw new CheckpointException(folder.resolve("tokenizer.json") + " has " + tokenizer.vocabSize()
                        + " tokens, more than the model's vocab_size of " + config.vocabSize() + ".");
            }
            ChatTemplate template = ChatTemplate.load(folder);
            GenerationConfig generation = GenerationConfig.read(folder);
            LlamaModel network = NetworkLoader.load(folder, config, device);
            return new PretrainedModel(folder, config, network, tokenizer, template, generation);
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    /** The folder's config.json, read and checked, without loading anything else. */
    public static ModelConfig readConfig(Path folder) {
        Path file = folder.resolve(CONFIG_FILE);
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException(folder + " has no " + CONFIG_FILE + ": not a Hugging Face model folder.");
        }
        try {
            return ModelConfig.read(file);
        } catch (IOException e) {
            throw new CheckpointException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** How prompts begin (see {@link BosPolicy}); {@link BosPolicy#TOKENIZER} unless set. */
    public void setBosPolicy(BosPolicy policy) {
        this.bosPolicy = java.util.Objects.requireNonNull(policy, "policy");
    }

    public BosPolicy bosPolicy() {
        return bosPolicy;
    }

    /**
     * The prompt as token ids. Chat: the user turn through the chat template with the
     * assistant's generation prompt; raw: the text as it is. BOS first per {@link #bosPolicy()}.
     */
    public int[] promptTokens(String prompt, boolean raw) {
        return promptTokens(List.of(ChatMessage.user(prompt)), raw);
    }

    /** A conversation awaiting the assistant's answer, as token ids; raw joins the contents. */
    public int[] promptTokens(List<ChatMessage> conversation, boolean raw) {
        String text = raw ? rawText(conversation) : template.render(conversation, true);
        return withBos(tokenizer.encode(text, false));
    }

    /**
     * A prompt and its response as token ids. Chat: the conversation through the template;
     * raw: the texts joined. Either way the whole text is tokenised once and split where the
     * prompt's own tokens end, so the response's ids are those the model reads and writes in
     * context (tokenised alone, a SentencePiece response would gain a leading {@code ▁}) and
     * {@code prompt + response} is exactly the conversation's ids. Where the last prompt token
     * merges with the response's first, the merged token goes to the response (as TRL does).
     * The response keeps the end-of-turn marker, so its probability covers stopping.
     */
    public TokenPair pairTokens(String prompt, String response, boolean raw) {
        return pairTokens(List.of(ChatMessage.user(prompt)), response, raw);
    }

    /** A conversation and the assistant's answer to it, as token ids. */
    public TokenPair pairTokens(List<ChatMessage> conversation, String response, boolean raw) {
        RenderedExample example = raw
                ? new RenderedExample(rawText(conversation), response)
                : template.renderExample(conversation, response);
        int[] prompt = withBos(tokenizer.encode(example.prompt(), false));
        int[] whole = withBos(tokenizer.encode(example.conversation(), false));
        return TokenPair.split(whole, TokenPair.commonPrefix(prompt, whole));
    }

    /** The text as the template writes it, or with BOS first where the policy and tokenizer say so; never BOS twice. */
    private int[] withBos(int[] ids) {
        Integer bos = tokenizer.specialTokens().bosTokenId();
        if (bosPolicy == BosPolicy.TEMPLATE || bos == null || !tokenizer.addsBosToken()
                || (ids.length > 0 && ids[0] == bos)) {
            return ids;
        }
        int[] withBos = new int[ids.length + 1];
        withBos[0] = bos;
        System.arraycopy(ids, 0, withBos, 1, ids.length);
        return withBos;
    }

    /** Raw mode: the messages' contents one after another, nothing added. */
    public static String rawText(List<ChatMessage> conversation) {
        StringBuilder text = new StringBuilder();
        conversation.forEach(message -> text.append(message.content()));
        return text.toString();
    }

    public String decode(int[] ids) {
        return tokenizer.decode(ids, true);
    }

    /**
     * Generation stops at any of these: generation_config.json's eos list, config.json's eos
     * ids and the tokenizer's eos token.
     */
    public Set<Integer> eosTokenIds() {
        return StopTokens.eos(config, generation, tokenizer);
    }

    public GenerationConfig generationConfig() {
        return generation;
    }

    /** The tokenizer's pad token, else its end-of-sequence token, else 0; padding is masked anyway. */
    public int padTokenId() {
        return StopTokens.pad(config, generation, tokenizer);
    }

    public Path folder() {
        return folder;
    }

    public ModelConfig config() {
        return config;
    }

    public LlamaModel network() {
        return network;
    }

    public TextTokenizer tokenizer() {
        return tokenizer;
    }

    public ChatTemplate chatTemplate() {
        return template;
    }

    @Override
    public void close() {
        try {
            network.close();
        } finally {
            tokenizer.close();
            NativeAllocator.returnFreeMemory(); // a process that keeps freed memory gives it back once a model is done
        }
    }
}
