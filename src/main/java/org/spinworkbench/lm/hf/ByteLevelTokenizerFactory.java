package org.spinworkbench.lm.hf;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the tokenizer of the workbench's own tiny models: a byte-level BPE in the Hugging
 * Face format, so the same files work here, in {@code transformers} and in every tool that
 * reads {@code tokenizer.json}.
 *
 * <p>Ids 0–255 are the 256 bytes, spelled with GPT-2's byte-to-unicode alphabet (printable
 * bytes as themselves, the others shifted to U+0100 and up), so any UTF-8 text encodes and
 * decodes back unchanged. Then come the special tokens ({@value #END_OF_TEXT} = 256,
 * {@value #IM_START} = 257, {@value #IM_END} = 258), then one id per merge, in order. Without
 * merges every byte is one token: slow to generate, but nothing to train or ship.
 *
 * <p>{@code tokenizer_config.json} names EOS {@value #IM_END} (where a ChatML turn ends),
 * BOS and padding {@value #END_OF_TEXT}, and carries {@link ChatTemplate#CHATML}.
 */
public final class ByteLevelTokenizerFactory {
    public static final String END_OF_TEXT = "<|endoftext|>";
    public static final String IM_START = "<|im_start|>";
    public static final String IM_END = "<|im_end|>";
    public static final List<String> SPECIAL_TOKENS = List.of(END_OF_TEXT, IM_START, IM_END);
    public static final int BYTE_TOKENS = 256;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

    /**
     * One BPE merge: two adjacent tokens that become one. Both are spelled in the byte-level
     * alphabet, as in a Hugging Face {@code merges} list ({@code "Ġ"} is a space);
     * {@link #ofText} spells plain text for you.
     */
    public record Merge(String left, String right) {
        public Merge {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        /** A merge of two pieces of plain text, e.g. {@code ofText(" t", "he")}. */
        public static Merge ofText(String left, String right) {
            return new Merge(toByteLevel(left), toByteLevel(right));
        }

        String merged() {
            return left + right;
        }
    }

    private ByteLevelTokenizerFactory() {
    }

    /** Writes {@code tokenizer.json} and {@code tokenizer_config.json} with no merges. */
    public static void write(Path modelDir) throws IOException {
        write(modelDir, List.of());
    }

    /**
     * Writes {@code tokenizer.json} and {@code tokenizer_config.json} into {@code modelDir}
     * (created if needed), replacing existing ones.
     *
     * @throws IllegalArgumentException when a merge uses a token that neither a byte nor an
     *                                  earlier merge made
     */
    public static void write(Path modelDir, List<Merge> merges) throws IOException {
        Files.createDirectories(modelDir);
        Files.writeString(modelDir.resolve(TokenizerFiles.TOKENIZER_JSON), tokenizerJson(merges), StandardCharsets.UTF_8);
        Files.writeString(modelDir.resolve(TokenizerFiles.TOKENIZER_CONFIG_JSON), tokenizerConfigJson(), StandardCharsets.UTF_8);
    }

    /** Ids used by a tokenizer with this many merges: bytes, special tokens, merges. */
    public static int vocabSize(int mergeCount) {
        return BYTE_TOKENS + SPECIAL_TOKENS.size() + mergeCount;
    }

    /** The id of a special token, which does not depend on the merges. */
    public static int specialTokenId(String token) {
        int index = SPECIAL_TOKENS.indexOf(token);
        if (index < 0) {
            throw new IllegalArgumentException(token + " is not one of " + SPECIAL_TOKENS);
        }
        return BYTE_TOKENS + index;
    }

    /** Plain text spelled in the byte-level alphabet: one character per UTF-8 byte. */
    public static String toByteLevel(String text) {
        char[] alphabet = byteAlphabet();
        StringBuilder spelled = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            spelled.append(alphabet[b & 0xFF]);
        }
        return spelled.toString();
    }

    static String tokenizerJson(List<Merge> merges) {
        JsonObject root = new JsonObject();
        root.addProperty("version", "1.0");
        root.add("truncation", JsonNull.INSTANCE);
        root.add("padding", JsonNull.INSTANCE);
        root.add("added_tokens", addedTokens());
        root.add("normalizer", JsonNull.INSTANCE);
        root.add("pre_tokenizer", byteLevel());
        root.add("post_processor", JsonNull.INSTANCE);
        root.add("decoder", byteLevel());
        root.add("model", bpe(merges));
        return GSON.toJson(root) + "\n";
    }

    static String tokenizerConfigJson() {
        JsonObject config = new JsonObject();
        config.addProperty("add_bos_token", false);
        config.addProperty("add_eos_token", false);
        JsonObject decoder = new JsonObject();
        for (String token : SPECIAL_TOKENS) {
            JsonObject entry = addedToken(token);
            entry.remove("id");
            decoder.add(Integer.toString(specialTokenId(token)), entry);
        }
        config.add("added_tokens_decoder", decoder);
        JsonArray additional = new JsonArray();
        additional.add(IM_START);
        additional.add(IM_END);
        config.add("additional_special_tokens", additional);
        config.addProperty("bos_token", END_OF_TEXT);
        config.addProperty("chat_template", ChatTemplate.CHATML);
        config.addProperty("clean_up_tokenization_spaces", false);
        config.addProperty("eos_token", IM_END);
        config.addProperty("pad_token", END_OF_TEXT);
        config.addProperty("split_special_tokens", false);
        config.addProperty("tokenizer_class", "PreTrainedTokenizerFast");
        config.add("unk_token", JsonNull.INSTANCE);
        return GSON.toJson(config) + "\n";
    }

    private static JsonArray addedTokens() {
        JsonArray tokens = new JsonArray();
        SPECIAL_TOKENS.forEach(token -> tokens.add(addedToken(token)));
        return tokens;
    }

    private static JsonObject addedToken(String token) {
        JsonObject entry = new JsonObject();
        entry.addProperty("id", specialTokenId(token));
        entry.addProperty("content", token);
        entry.addProperty("single_word", false);
        entry.addProperty("lstrip", false);
        entry.addProperty("rstrip", false);
        entry.addProperty("normalized", false);
        entry.addProperty("special", true);
        return entry;
    }

    /** GPT-2's settings: no prefix space added, its split regex, offsets trimmed. */
    private static JsonObject byteLevel() {
        JsonObject byteLevel = new JsonObject();
        byteLevel.addProperty("type", "ByteLevel");
        byteLevel.addProperty("add_prefix_space", false);
        byteLevel.addProperty("trim_offsets", true);
        byteLevel.addProperty("use_regex", true);
        return byteLevel;
    }

    private static JsonObject bpe(List<Merge> merges) {
        Map<String, Integer> vocab = new LinkedHashMap<>();
        char[] alphabet = byteAlphabet();
        for (int b = 0; b < BYTE_TOKENS; b++) {
            vocab.put(String.valueOf(alphabet[b]), b);
        }
        // The special tokens are in the model's vocabulary too, not only in "added_tokens":
        // the tokenizers library ignores the ids there and numbers added tokens that the
        // model lacks from the model's size on, which would collide with the merges' ids.
        SPECIAL_TOKENS.forEach(token -> vocab.put(token, specialTokenId(token)));
        JsonArray mergeList = new JsonArray();
        int nextId = vocabSize(0);
        for (int i = 0; i < merges.size(); i++) {
            Merge merge = merges.get(i);
            requireToken(vocab, merge.left(), i);
            requireToken(vocab, merge.right(), i);
            if (!vocab.containsKey(merge.merged())) {
                vocab.put(merge.merged(), nextId++);
            }
            mergeList.add(merge.left() + " " + merge.right());
        }
        JsonObject vocabJson = new JsonObject();
        vocab.forEach(vocabJson::addProperty);

        JsonObject model = new JsonObject();
        model.addProperty("type", "BPE");
        model.add("dropout", JsonNull.INSTANCE);
        model.add("unk_token", JsonNull.INSTANCE);
        model.add("continuing_subword_prefix", JsonNull.INSTANCE);
        model.add("end_of_word_suffix", JsonNull.INSTANCE);
        model.addProperty("fuse_unk", false);
        model.addProperty("byte_fallback", false);
        model.add("vocab", vocabJson);
        model.add("merges", mergeList);
        return model;
    }

    private static void requireToken(Map<String, Integer> vocab, String token, int mergeIndex) {
        if (!vocab.containsKey(token)) {
            throw new IllegalArgumentException("Merge " + mergeIndex + " uses \"" + token
                    + "\", which is neither a byte nor made by an earlier merge.");
        }
    }

    /**
     * GPT-2's {@code bytes_to_unicode}: bytes that are printable Latin-1 stand for
     * themselves; the other 68 (control characters, space, NBSP, soft hyphen…) take the
     * characters from U+0100 on, in byte order. Every byte gets a visible, non-space
     * character, which keeps BPE's space-separated merge lists unambiguous.
     */
    private static char[] byteAlphabet() {
        char[] alphabet = new char[BYTE_TOKENS];
        int shifted = 0;
        for (int b = 0; b < BYTE_TOKENS; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            alphabet[b] = printable ? (char) b : (char) (BYTE_TOKENS + shifted++);
        }
        return alphabet;
    }
}
