package org.spinworkbench.lm.hf;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A model's tokenizer: the {@code tokenizer.json} of a Hugging Face model folder, run by the
 * Hugging Face tokenizers library through DJL, so ids match what Python tools produce for
 * the same text.
 *
 * <p>Loading is strictly local (never the hub). Truncation and padding are off: batching and
 * length limits are the generator's and trainer's decisions, made on ids. Special tokens are
 * added only when a call asks for it, because the chat template already writes them into the
 * text and adding them again would double the BOS.
 *
 * <p>Encoding and decoding may be called from several threads; {@link #close()} frees the
 * native tokenizer and must come after the last call.
 */
public final class TextTokenizer implements AutoCloseable {
    /**
     * The longest text encoded: 4 Mi characters (32 per token of a 128 k context). The native
     * tokenizer needs hundreds of bytes per token and aborts the whole process, not with an
     * exception, when memory runs out, so longer text is refused before it gets there.
     */
    public static final int MAX_TEXT_CHARS = 1 << 22;

    private static final Map<String, String> OPTIONS = Map.of(
            "addSpecialTokens", "false",
            "truncation", "false",
            "padding", "false");

    private final HuggingFaceTokenizer tokenizer;
    private final TokenVocabulary vocabulary;
    private final SpecialTokens specialTokens;
    private final boolean addsBosToken;

    private TextTokenizer(HuggingFaceTokenizer tokenizer, TokenVocabulary vocabulary, SpecialTokens specialTokens,
                          boolean addsBosToken) {
        this.tokenizer = tokenizer;
        this.vocabulary = vocabulary;
        this.specialTokens = specialTokens;
        this.addsBosToken = addsBosToken;
    }

    /** Loads the tokenizer of a model folder; special tokens come from {@code tokenizer_config.json} only. */
    public static TextTokenizer load(Path modelDir) {
        return load(modelDir, null, List.of());
    }

    /**
     * Loads the tokenizer of a model folder, with {@code config.json}'s ids as the fallback
     * for BOS and EOS (see {@link SpecialTokens}).
     *
     * @param bosTokenId  {@code bos_token_id} of {@code config.json}, or null
     * @param eosTokenIds {@code eos_token_id} of {@code config.json}, or empty; the first is used
     * @throws TokenizerException when {@code tokenizer.json} is missing or unusable, or the
     *                            special tokens name tokens it does not have
     */
    public static TextTokenizer load(Path modelDir, Integer bosTokenId, List<Integer> eosTokenIds) {
        Path tokenizerFile = modelDir.resolve(TokenizerFiles.TOKENIZER_JSON);
        TokenVocabulary vocabulary = TokenVocabulary.of(
                TokenizerFiles.parseObject(TokenizerFiles.readRequired(modelDir, TokenizerFiles.TOKENIZER_JSON), tokenizerFile),
                tokenizerFile);
        Path configFile = modelDir.resolve(TokenizerFiles.TOKENIZER_CONFIG_JSON);
        JsonObject config = TokenizerFiles.readOptional(modelDir, TokenizerFiles.TOKENIZER_CONFIG_JSON)
                .map(text -> TokenizerFiles.parseObject(text, configFile))
                .orElse(null);
        SpecialTokens specialTokens = SpecialTokens.resolve(config, configFile, vocabulary, bosTokenId, eosTokenIds);
        Boolean addBosToken = addBosToken(config, configFile);
        HuggingFaceTokenizer opened = open(tokenizerFile);
        TextTokenizer tokenizer = new TextTokenizer(opened, vocabulary, specialTokens,
                addsBosToken(opened, specialTokens.bosTokenId(), addBosToken));
        try {
            tokenizer.checkAddedTokenIds(tokenizerFile);
        } catch (TokenizerException e) {
            tokenizer.close();
            throw e;
        }
        return tokenizer;
    }

    /**
     * The tokenizers library ignores the ids written in {@code added_tokens} for tokens the
     * model's vocabulary lacks and numbers them itself. Files saved by Hugging Face agree
     * with that numbering; a hand-made one may not, and then the EOS id we stop generation
     * at would not be the one the tokenizer produces. Checked for the special tokens.
     */
    private void checkAddedTokenIds(Path tokenizerFile) {
        String[] tokens = {specialTokens.bosToken(), specialTokens.eosToken(), specialTokens.padToken()};
        Integer[] ids = {specialTokens.bosTokenId(), specialTokens.eosTokenId(), specialTokens.padTokenId()};
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] != null && vocabulary.isAdded(tokens[i])) {
                int[] encoded = encode(tokens[i], false);
                if (encoded.length != 1 || encoded[0] != ids[i]) {
                    throw new TokenizerException(tokenizerFile + " lists \"" + tokens[i] + "\" with id " + ids[i]
                            + ", but the tokenizer encodes it as " + Arrays.toString(encoded)
                            + ": the file's added_tokens do not match its vocabulary.");
                }
            }
        }
    }

    private static Boolean addBosToken(JsonObject config, Path configFile) {
        if (config == null || !config.has("add_bos_token") || config.get("add_bos_token").isJsonNull()) {
            return null;
        }
        JsonElement value = config.get("add_bos_token");
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
            throw new TokenizerException(configFile + ": \"add_bos_token\" should be true or false, but is "
                    + TokenizerFiles.kind(value) + ".");
        }
        return value.getAsBoolean();
    }

    /**
     * Whether the tokenizer puts BOS before text when asked for its special tokens, as
     * transformers' {@code tokenizer(text)} does: {@code add_bos_token} of
     * {@code tokenizer_config.json} where it says (transformers rebuilds the post-processor
     * from it), else what {@code tokenizer.json}'s post-processor does. False without a BOS token.
     * Decided once, at load.
     */
    private static boolean addsBosToken(HuggingFaceTokenizer tokenizer, Integer bos, Boolean addBosToken) {
        if (bos == null) {
            return false;
        }
        if (addBosToken != null) {
            return addBosToken;
        }
        long[] probe = tokenizer.encode("", true, false).getIds();
        return probe.length > 0 && probe[0] == bos;
    }

    /** See {@link #addsBosToken(HuggingFaceTokenizer, Integer, Boolean)}. */
    public boolean addsBosToken() {
        return addsBosToken;
    }

    private static HuggingFaceTokenizer open(Path tokenizerFile) {
        try {
            return HuggingFaceTokenizer.newInstance(tokenizerFile, OPTIONS);
        } catch (IOException e) {
            throw new TokenizerException("Cannot read " + tokenizerFile + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // The native library reports a malformed file as a bare RuntimeException.
            throw new TokenizerException(tokenizerFile + " is not a tokenizer the Hugging Face tokenizers"
                    + " library can load: " + e.getMessage(), e);
        }
    }

    /**
     * The ids of {@code text}. With {@code addSpecialTokens}, the tokenizer's post-processor
     * adds what the model family adds by default (BOS for Llama, nothing for Qwen2); text
     * from a chat template already has its special tokens and needs {@code false}.
     * Special tokens written in the text itself (e.g. {@code <|im_end|>}) always become their ids.
     *
     * @throws TokenizerException for a text longer than {@link #MAX_TEXT_CHARS}
     */
    public int[] encode(String text, boolean addSpecialTokens) {
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_TEXT_CHARS) {
            throw new TokenizerException(String.format(Locale.ROOT, "A text of %,d characters is longer than the"
                    + " tokenizer takes (%,d); shorten it.", text.length(), MAX_TEXT_CHARS));
        }
        Encoding encoding = tokenizer.encode(text, addSpecialTokens, false);
        long[] ids = encoding.getIds();
        int[] result = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            result[i] = Math.toIntExact(ids[i]);
        }
        return result;
    }

    /**
     * The text of {@code ids}. With {@code skipSpecialTokens}, tokens marked special (BOS,
     * EOS, chat markers) are left out. Ids the tokenizer has no token for, such as a model's
     * padded embedding rows, decode to nothing, as in Hugging Face.
     *
     * @throws IllegalArgumentException for a negative id, which no tokenizer has
     */
    public String decode(int[] ids, boolean skipSpecialTokens) {
        long[] longIds = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0) {
                throw new IllegalArgumentException("Token ids are never negative; got " + ids[i] + " at position " + i + ".");
            }
            longIds[i] = ids[i];
        }
        return tokenizer.decode(longIds, skipSpecialTokens);
    }

    /**
     * Highest token id + 1, counting added tokens: the least number of embedding rows the
     * model needs. A model's {@code vocab_size} may be larger (rows padded to a multiple of 64).
     */
    public int vocabSize() {
        return vocabulary.size();
    }

    /**
     * The id of one token, spelled as in the vocabulary (a byte-level BPE spells a leading
     * space {@code Ġ}), or null when the tokenizer has no such token.
     */
    public Integer tokenId(String token) {
        return vocabulary.id(token);
    }

    /** The token with this id, spelled as in the vocabulary, or null when no token has it. */
    public String token(int id) {
        return vocabulary.token(id);
    }

    public SpecialTokens specialTokens() {
        return specialTokens;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
