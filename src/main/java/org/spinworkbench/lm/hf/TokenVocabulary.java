package org.spinworkbench.lm.hf;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The token ↔ id tables of a {@code tokenizer.json}, read on the Java side because DJL's
 * tokenizer offers no vocabulary lookup. Holds the model's vocabulary (an object for BPE,
 * WordPiece and WordLevel, a list of {@code [token, score]} for Unigram, where the id is the
 * position) plus the {@code added_tokens}, which is where special tokens usually live.
 */
final class TokenVocabulary {
    private final Map<String, Integer> idsByToken;
    private final Map<Integer, String> tokensById;
    private final Set<String> addedTokens;
    private final int size;

    private TokenVocabulary(Map<String, Integer> idsByToken, Map<Integer, String> tokensById, Set<String> addedTokens) {
        this.idsByToken = Map.copyOf(idsByToken);
        this.tokensById = Map.copyOf(tokensById);
        this.addedTokens = Set.copyOf(addedTokens);
        this.size = tokensById.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    }

    static TokenVocabulary of(JsonObject tokenizerJson, Path file) {
        Map<String, Integer> ids = new HashMap<>();
        Map<Integer, String> tokens = new HashMap<>();
        JsonElement model = tokenizerJson.get("model");
        if (model == null || !model.isJsonObject()) {
            throw new TokenizerException(file + " has no \"model\" object: it is not a Hugging Face tokenizer file.");
        }
        JsonElement vocab = model.getAsJsonObject().get("vocab");
        if (vocab != null && vocab.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry : vocab.getAsJsonObject().entrySet()) {
                put(ids, tokens, entry.getKey(), idOf(entry.getValue(), entry.getKey(), file));
            }
        } else if (vocab != null && vocab.isJsonArray()) {
            JsonArray pieces = vocab.getAsJsonArray();
            for (int id = 0; id < pieces.size(); id++) {
                put(ids, tokens, unigramPiece(pieces.get(id), id, file), id);
            }
        } else {
            throw new TokenizerException(file + " has no model vocabulary (\"model\": {\"vocab\": ...}).");
        }
        Set<String> addedTokens = new HashSet<>();
        JsonElement added = tokenizerJson.get("added_tokens");
        if (added != null && added.isJsonArray()) {
            for (JsonElement token : added.getAsJsonArray()) {
                JsonElement content = token.isJsonObject() ? token.getAsJsonObject().get("content") : null;
                if (content == null || !content.isJsonPrimitive()) {
                    throw new TokenizerException(file + ": an entry of \"added_tokens\" has no \"content\": " + token);
                }
                put(ids, tokens, content.getAsString(), idOf(token.getAsJsonObject().get("id"), content.getAsString(), file));
                addedTokens.add(content.getAsString());
            }
        }
        return new TokenVocabulary(ids, tokens, addedTokens);
    }

    /** The id of a token exactly as the vocabulary spells it, or null. */
    Integer id(String token) {
        return idsByToken.get(token);
    }

    /** Whether the token is listed in {@code added_tokens}, whose ids the library may renumber. */
    boolean isAdded(String token) {
        return addedTokens.contains(token);
    }

    /** The token with this id, or null when no token has it. */
    String token(int id) {
        return tokensById.get(id);
    }

    /**
     * Highest id + 1: the number of embedding rows a model needs for this tokenizer. Equal
     * to Hugging Face's {@code len(tokenizer)} whenever the ids have no gaps.
     */
    int size() {
        return size;
    }

    private static void put(Map<String, Integer> ids, Map<Integer, String> tokens, String token, int id) {
        ids.put(token, id);
        tokens.put(id, token);
    }

    private static int idOf(JsonElement value, String token, Path file) {
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw new TokenizerException(file + ": the token \"" + token + "\" has no numeric id.");
        }
        int id = value.getAsInt();
        if (id < 0) {
            throw new TokenizerException(file + ": the token \"" + token + "\" has the negative id " + id + ".");
        }
        return id;
    }

    private static String unigramPiece(JsonElement piece, int id, Path file) {
        if (piece.isJsonArray() && !piece.getAsJsonArray().isEmpty()) {
            return piece.getAsJsonArray().get(0).getAsString();
        }
        throw new TokenizerException(file + ": vocabulary entry " + id + " should be [token, score], but is " + piece + ".");
    }
}
