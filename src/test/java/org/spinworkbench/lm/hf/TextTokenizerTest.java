package org.spinworkbench.lm.hf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spinworkbench.lm.ChatMessage;

/** The byte-level tokenizer of our tiny models, run through DJL's real Hugging Face tokenizer. */
class TextTokenizerTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "Hello, world!",
            "  leading and trailing spaces  ",
            "你好，世界。自我对弈微调",
            "👩‍🔬 emoji with a zero-width joiner 🇨🇳",
            "e\u0301 combining acute, \u0915\u094d\u0937 conjunct, \u05e9\u05b8\u05c1 pointed Hebrew",
            "control \u0000 NUL \u0007 bell \t tab \r\n CRLF \u001b[0m escape \u007f DEL",
            "\u00a0 no-break space, \u00ad soft hyphen, \ufeff BOM, \u2028 line separator",
            "<|im_start|>user\nwritten markers become special tokens<|im_end|>\n",
    })
    void anyTextRoundTrips(String text) throws IOException {
        try (TextTokenizer tokenizer = byteLevel()) {
            int[] ids = tokenizer.encode(text, false);

            assertEquals(text, tokenizer.decode(ids, false));
        }
    }

    @Test
    void randomUnicodeRoundTrips() throws IOException {
        Random random = new Random(42);
        try (TextTokenizer tokenizer = byteLevel()) {
            for (int sample = 0; sample < 200; sample++) {
                String text = randomText(random, random.nextInt(40));

                assertEquals(text, tokenizer.decode(tokenizer.encode(text, false), false), "sample " + sample);
            }
        }
    }

    @Test
    void withoutMergesEachUtf8ByteIsOneTokenWhoseIdIsTheByte() throws IOException {
        String text = "Añ中🙂";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try (TextTokenizer tokenizer = byteLevel()) {
            int[] expected = IntStream.range(0, bytes.length).map(i -> bytes[i] & 0xFF).toArray();

            assertArrayEquals(expected, tokenizer.encode(text, false));
            assertEquals(259, tokenizer.vocabSize());
        }
    }

    @Test
    void specialTokensInTheTextAreSingleIdsAndCanBeSkippedWhenDecoding() throws IOException {
        try (TextTokenizer tokenizer = byteLevel()) {
            int[] ids = tokenizer.encode("<|im_start|>user\nhi<|im_end|>", false);

            assertArrayEquals(new int[] {257, 'u', 's', 'e', 'r', '\n', 'h', 'i', 258}, ids);
            assertEquals("user\nhi", tokenizer.decode(ids, true));
        }
    }

    @Test
    void textTooLongForTheNativeTokenizerIsRefusedBeforeItGetsThere() throws IOException {
        // past this the native library needs gigabytes and aborts the process instead of throwing
        try (TextTokenizer tokenizer = byteLevel()) {
            String text = "a".repeat(TextTokenizer.MAX_TEXT_CHARS + 1);
            TokenizerException e = assertThrows(TokenizerException.class, () -> tokenizer.encode(text, false));
            assertEquals("A text of 4,194,305 characters is longer than the tokenizer takes (4,194,304); shorten it.",
                    e.getMessage());
            assertEquals(4096, tokenizer.encode(text.substring(0, 4096), false).length);
        }
    }

    @Test
    void addingSpecialTokensIsTheTokenizersChoiceAndOursAddsNone() throws IOException {
        try (TextTokenizer tokenizer = byteLevel()) {
            assertArrayEquals(new int[] {'h', 'i'}, tokenizer.encode("hi", true));
            assertArrayEquals(new int[] {'h', 'i'}, tokenizer.encode("hi", false));
        }
    }

    @Test
    void tokensAndIdsAreLookedUpAsTheVocabularySpellsThem() throws IOException {
        try (TextTokenizer tokenizer = byteLevel()) {
            assertEquals(32, tokenizer.tokenId("Ġ"), "a space is spelled Ġ in GPT-2's byte alphabet");
            assertEquals(10, tokenizer.tokenId("Ċ"), "a newline is spelled Ċ");
            assertEquals(65, tokenizer.tokenId("A"));
            assertEquals(258, tokenizer.tokenId("<|im_end|>"));
            assertEquals("<|endoftext|>", tokenizer.token(256));
            assertEquals("Ā", tokenizer.token(0));
            assertNull(tokenizer.tokenId("no such token"));
            assertNull(tokenizer.token(259));
        }
    }

    @Test
    void mergesShortenTheEncodingAndStillRoundTrip() throws IOException {
        List<ByteLevelTokenizerFactory.Merge> merges = List.of(
                ByteLevelTokenizerFactory.Merge.ofText("t", "h"),
                ByteLevelTokenizerFactory.Merge.ofText("th", "e"),
                ByteLevelTokenizerFactory.Merge.ofText(" ", "the"),
                new ByteLevelTokenizerFactory.Merge("ä", "¸"), // 中 is E4 B8 AD in UTF-8: ä ¸ Ń in the byte alphabet
                new ByteLevelTokenizerFactory.Merge("ä¸", "Ń"));
        ByteLevelTokenizerFactory.write(dir, merges);
        try (TextTokenizer tokenizer = TextTokenizer.load(dir)) {
            assertEquals(ByteLevelTokenizerFactory.vocabSize(5), tokenizer.vocabSize());
            assertEquals(260, tokenizer.tokenId("the"));
            assertEquals(261, tokenizer.tokenId("Ġthe"));
            assertEquals("ä¸Ń", ByteLevelTokenizerFactory.toByteLevel("中"));
            assertArrayEquals(new int[] {260, 261, 263, 'n'}, tokenizer.encode("the the中n", false));
            assertEquals("the the中n", tokenizer.decode(tokenizer.encode("the the中n", false), false));
        }
    }

    @Test
    void aMergeOfUnknownPiecesIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () ->
                ByteLevelTokenizerFactory.write(dir, List.of(ByteLevelTokenizerFactory.Merge.ofText("th", "e"))));

        assertEquals("Merge 0 uses \"th\", which is neither a byte nor made by an earlier merge.", error.getMessage());
    }

    @Test
    void theFactoryWritesExactlyTheCommittedFixture() throws IOException {
        // The fixture is what the factory wrote when it was committed; a change to the format
        // shows up here, and the fixture must then be regenerated on purpose.
        ByteLevelTokenizerFactory.write(dir);
        Path fixture = TokenizerFixtures.folder("byte-level");

        assertEquals(Files.readString(fixture.resolve("tokenizer.json")), Files.readString(dir.resolve("tokenizer.json")));
        assertEquals(Files.readString(fixture.resolve("tokenizer_config.json")),
                Files.readString(dir.resolve("tokenizer_config.json")));
    }

    @Test
    void ourModelsChatTemplateAndTokenizerCutPromptAndResponseAtATokenBoundary() throws IOException {
        try (TextTokenizer tokenizer = byteLevel()) {
            ChatTemplate template = ChatTemplate.load(dir);
            RenderedExample example = template.renderExample(List.of(ChatMessage.user("2+2?")), "4");

            int[] prompt = tokenizer.encode(example.prompt(), false);
            int[] response = tokenizer.encode(example.response(), false);
            int[] conversation = tokenizer.encode(example.conversation(), false);

            assertFalse(template.isFallback());
            assertArrayEquals(new int[] {257, 'u', 's', 'e', 'r', '\n', '2', '+', '2', '?', 258, '\n',
                    257, 'a', 's', 's', 'i', 's', 't', 'a', 'n', 't', '\n'}, prompt);
            assertArrayEquals(new int[] {'4', 258, '\n'}, response);
            assertArrayEquals(IntStream.concat(IntStream.of(prompt), IntStream.of(response)).toArray(), conversation);
            assertEquals(tokenizer.specialTokens().eosTokenId(), response[1]);
        }
    }

    @Test
    void negativeIdsAreABug() throws IOException {
        try (TextTokenizer tokenizer = byteLevel()) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> tokenizer.decode(new int[] {65, -1}, false));

            assertEquals("Token ids are never negative; got -1 at position 1.", error.getMessage());
        }
    }

    @Test
    void idsBeyondTheVocabularyDecodeToNothingAsInHuggingFace() throws IOException {
        try (TextTokenizer tokenizer = byteLevel()) {
            assertEquals("AB", tokenizer.decode(new int[] {65, 5000, 66}, false));
        }
    }

    @Test
    void aMissingFolderIsNamed() {
        Path missing = dir.resolve("no-model");

        TokenizerException error = assertThrows(TokenizerException.class, () -> TextTokenizer.load(missing));

        assertEquals("The model folder " + missing + " does not exist.", error.getMessage());
    }

    @Test
    void aMissingTokenizerJsonNamesTheFolderAndTheFile() throws IOException {
        Files.writeString(dir.resolve("config.json"), "{}");

        TokenizerException error = assertThrows(TokenizerException.class, () -> TextTokenizer.load(dir));

        assertEquals("The model folder " + dir + " has no tokenizer.json: a Hugging Face model needs it to turn"
                + " text into tokens.", error.getMessage());
    }

    @Test
    void aTruncatedTokenizerJsonIsReportedAsInvalidJson() throws IOException {
        ByteLevelTokenizerFactory.write(dir);
        Path file = dir.resolve("tokenizer.json");
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() / 2));

        TokenizerException error = assertThrows(TokenizerException.class, () -> TextTokenizer.load(dir));

        assertTrue(error.getMessage().startsWith(file + " is not valid JSON: "), error.getMessage());
    }

    @Test
    void jsonThatIsNoTokenizerIsReportedWithTheLibrarysReason() throws IOException {
        Path file = Files.writeString(dir.resolve("tokenizer.json"),
                "{\"model\": {\"type\": \"NoSuchModel\", \"vocab\": {\"a\": 0}}}");

        TokenizerException error = assertThrows(TokenizerException.class, () -> TextTokenizer.load(dir));

        assertTrue(error.getMessage().startsWith(file + " is not a tokenizer the Hugging Face tokenizers library"
                + " can load: "), error.getMessage());
    }

    @Test
    void aJsonArrayIsNotATokenizer() throws IOException {
        Path file = Files.writeString(dir.resolve("tokenizer.json"), "[1, 2]");

        TokenizerException error = assertThrows(TokenizerException.class, () -> TextTokenizer.load(dir));

        assertEquals(file + " should hold a JSON object, but holds an array.", error.getMessage());
    }

    @Test
    void aTokenizerWithoutModelIsNamedAsSuch() throws IOException {
        Path file = Files.writeString(dir.resolve("tokenizer.json"), "{\"version\": \"1.0\"}");

        TokenizerException error = assertThrows(TokenizerException.class, () -> TextTokenizer.load(dir));

        assertEquals(file + " has no \"model\" object: it is not a Hugging Face tokenizer file.", error.getMessage());
    }

    @Test
    void addedTokenIdsTheLibraryWouldRenumberAreRefused() throws IOException {
        // The library numbers added tokens that the model's vocabulary lacks from the
        // vocabulary's size on, whatever ids the file writes: here 256-258, not 300-302.
        ByteLevelTokenizerFactory.write(dir);
        Path file = dir.resolve("tokenizer.json");
        String json = Files.readString(file);
        for (int i = 0; i < 3; i++) {
            json = json.replace("\"id\": " + (256 + i) + ",", "\"id\": " + (300 + i) + ",")
                    .replace(",\n      \"" + ByteLevelTokenizerFactory.SPECIAL_TOKENS.get(i) + "\": " + (256 + i), "");
        }
        Files.writeString(file, json);
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"eos_token\": \"<|im_end|>\"}");

        TokenizerException error = assertThrows(TokenizerException.class, () -> TextTokenizer.load(dir));

        assertEquals(file + " lists \"<|im_end|>\" with id 302, but the tokenizer encodes it as [258]: the file's"
                + " added_tokens do not match its vocabulary.", error.getMessage());
    }

    private TextTokenizer byteLevel() throws IOException {
        ByteLevelTokenizerFactory.write(dir);
        return TextTokenizer.load(dir);
    }

    private static String randomText(Random random, int codePoints) {
        StringBuilder text = new StringBuilder();
        while (text.codePointCount(0, text.length()) < codePoints) {
            int codePoint = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x80);
                case 1 -> 0x80 + random.nextInt(0x800 - 0x80);
                case 2 -> 0x800 + random.nextInt(0x10000 - 0x800);
                default -> 0x10000 + random.nextInt(0x110000 - 0x10000);
            };
            if (Character.isValidCodePoint(codePoint) && !(codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }
}
