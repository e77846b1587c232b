package org.spinworkbench.lm.hf;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;

/**
 * The special tokens generation and training rely on: BOS, EOS (generation stops there),
 * padding (fills batches) and unknown. Each is a token string with its id, or both null when
 * the model has none.
 *
 * <p>Where they come from, in order: {@code tokenizer_config.json} ({@code bos_token} etc.,
 * each a string or an AddedToken object {@code {"content": ...}}), with the id looked up in
 * {@code tokenizer.json}; else, for BOS and EOS only, the ids of {@code config.json}
 * ({@code bos_token_id}, the first {@code eos_token_id}), with the token looked up by id.
 * A model without a pad token pads with EOS, as Hugging Face training scripts do; padded
 * positions are masked out, so which token fills them does not matter, only that it exists.
 */
public record SpecialTokens(String bosToken, Integer bosTokenId, String eosToken, Integer eosTokenId,
                            String padToken, Integer padTokenId, String unkToken, Integer unkTokenId) {

    /** A special token: its text and its id, both null when the model has none. */
    public record Token(String content, Integer id) {
        public static final Token ABSENT = new Token(null, null);
    }

    /** No special tokens at all. */
    public static final SpecialTokens NONE = of(Token.ABSENT, Token.ABSENT, Token.ABSENT, Token.ABSENT);

    public static SpecialTokens of(Token bos, Token eos, Token pad, Token unk) {
        return new SpecialTokens(bos.content(), bos.id(), eos.content(), eos.id(), pad.content(), pad.id(),
                unk.content(), unk.id());
    }

    /**
     * @param tokenizerConfig {@code tokenizer_config.json}, or null when the folder has none
     * @param configFile      the {@code tokenizer_config.json} path (present or not), for messages
     * @param bosTokenId      {@code config.json}'s {@code bos_token_id}, or null
     * @param eosTokenIds     {@code config.json}'s {@code eos_token_id} (a list there may hold several), or empty
     */
    static SpecialTokens resolve(JsonObject tokenizerConfig, Path configFile, TokenVocabulary vocabulary,
                                 Integer bosTokenId, List<Integer> eosTokenIds) {
        Resolver resolver = new Resolver(tokenizerConfig, configFile, vocabulary);
        Integer eosFallback = eosTokenIds == null || eosTokenIds.isEmpty() ? null : eosTokenIds.get(0);
        Found bos = resolver.find("bos_token", bosTokenId);
        Found eos = resolver.find("eos_token", eosFallback);
        Found pad = resolver.find("pad_token", null);
        if (pad == null) {
            pad = eos;
        }
        Found unk = resolver.find("unk_token", null);
        return new SpecialTokens(contentOf(bos), idOf(bos), contentOf(eos), idOf(eos),
                contentOf(pad), idOf(pad), contentOf(unk), idOf(unk));
    }

    private static String contentOf(Found found) {
        return found == null ? null : found.token();
    }

    private static Integer idOf(Found found) {
        return found == null ? null : found.id();
    }

    private record Found(String token, int id) {
    }

    private record Resolver(JsonObject config, Path configFile, TokenVocabulary vocabulary) {
        Found find(String key, Integer fallbackId) {
            String token = config == null ? null : TokenizerFiles.tokenContent(config, key, configFile);
            if (token != null) {
                Integer id = vocabulary.id(token);
                if (id == null) {
                    throw new TokenizerException(configFile + " names " + key + " \"" + token
                            + "\", but " + TokenizerFiles.TOKENIZER_JSON + " has no such token.");
                }
                return new Found(token, id);
            }
            if (fallbackId != null) {
                String byId = vocabulary.token(fallbackId);
                if (byId == null) {
                    throw new TokenizerException("config.json in " + configFile.getParent() + " gives " + key + "_id " + fallbackId + ", but "
                            + TokenizerFiles.TOKENIZER_JSON + " has no token with that id (its vocabulary has "
                            + vocabulary.size() + " ids).");
                }
                return new Found(byId, fallbackId);
            }
            return null;
        }
    }
}
