package org.spinworkbench.lm.hf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.lm.hf.SpecialTokens.Token;

/** Special tokens of a real byte-level tokenizer, under the tokenizer_config.json variants found on the hub. */
class SpecialTokensTest {
    @TempDir
    Path dir;

    @BeforeEach
    void writeTokenizer() throws IOException {
        ByteLevelTokenizerFactory.write(dir);
    }

    @Test
    void tokensGivenAsStringsAreResolvedToTheirIds() {
        assertEquals(SpecialTokens.of(
                new Token("<|endoftext|>", 256), new Token("<|im_end|>", 258),
                new Token("<|endoftext|>", 256), Token.ABSENT),
                specialTokens(null, List.of()));
    }

    @Test
    void tokensGivenAsAddedTokenObjectsAreResolvedToo() throws IOException {
        writeConfig("""
                {
                  "bos_token": {"__type": "AddedToken", "content": "<|im_start|>", "lstrip": false,
                                "normalized": false, "rstrip": false, "single_word": false},
                  "eos_token": {"content": "<|im_end|>", "special": true},
                  "pad_token": {"__type": "AddedToken", "content": "<|endoftext|>"},
                  "unk_token": "A"
                }
                """);

        assertEquals(SpecialTokens.of(
                new Token("<|im_start|>", 257), new Token("<|im_end|>", 258),
                new Token("<|endoftext|>", 256), new Token("A", 65)),
                specialTokens(null, List.of()));
    }

    @Test
    void withoutTokenizerConfigBosAndEosComeFromConfigJsonIds() throws IOException {
        Files.delete(dir.resolve("tokenizer_config.json"));

        SpecialTokens tokens = specialTokens(256, List.of(258, 256));

        assertEquals(SpecialTokens.of(
                new Token("<|endoftext|>", 256), new Token("<|im_end|>", 258),
                new Token("<|im_end|>", 258), Token.ABSENT), tokens,
                "the first eos_token_id is the EOS; padding falls back to it");
    }

    @Test
    void nullOrMissingEntriesFallBackToConfigJsonIds() throws IOException {
        writeConfig("{\"bos_token\": null, \"pad_token\": \"<|endoftext|>\"}");

        assertEquals(SpecialTokens.of(
                new Token("<|im_start|>", 257), new Token("<|im_end|>", 258),
                new Token("<|endoftext|>", 256), Token.ABSENT),
                specialTokens(257, List.of(258)));
    }

    @Test
    void tokenizerConfigWinsOverConfigJson() {
        assertEquals("<|im_end|>", specialTokens(0, List.of(0)).eosToken());
    }

    @Test
    void paddingFallsBackToEos() throws IOException {
        writeConfig("{\"eos_token\": \"<|im_end|>\"}");

        SpecialTokens tokens = specialTokens(null, List.of());

        assertEquals("<|im_end|>", tokens.padToken());
        assertEquals(258, tokens.padTokenId());
    }

    @Test
    void aModelWithoutAnySpecialTokenHasNone() throws IOException {
        Files.delete(dir.resolve("tokenizer_config.json"));

        assertEquals(SpecialTokens.NONE, specialTokens(null, List.of()));
    }

    @Test
    void aTokenTheTokenizerDoesNotHaveIsAnError() throws IOException {
        Path config = writeConfig("{\"eos_token\": \"</s>\"}");

        TokenizerException error = assertThrows(TokenizerException.class, () -> specialTokens(null, List.of()));

        assertEquals(config + " names eos_token \"</s>\", but tokenizer.json has no such token.", error.getMessage());
    }

    @Test
    void aConfigJsonIdTheTokenizerDoesNotHaveIsAnError() throws IOException {
        Files.delete(dir.resolve("tokenizer_config.json"));

        TokenizerException error = assertThrows(TokenizerException.class, () -> specialTokens(null, List.of(32000)));

        assertEquals("config.json in " + dir + " gives eos_token_id 32000, but tokenizer.json has no token with"
                + " that id (its vocabulary has 259 ids).", error.getMessage());
    }

    @Test
    void aTokenThatIsNeitherStringNorObjectIsAnError() throws IOException {
        Path config = writeConfig("{\"bos_token\": 1}");

        TokenizerException error = assertThrows(TokenizerException.class, () -> specialTokens(null, List.of()));

        assertEquals(config + ": \"bos_token\" should be a token string or an object with a \"content\" string,"
                + " but is 1.", error.getMessage());
    }

    @Test
    void aCorruptTokenizerConfigIsNamed() throws IOException {
        Path config = writeConfig("{\"bos_token\": ");

        TokenizerException error = assertThrows(TokenizerException.class, () -> specialTokens(null, List.of()));

        assertEquals(true, error.getMessage().startsWith(config + " is not valid JSON: "), error.getMessage());
    }

    private Path writeConfig(String json) throws IOException {
        return Files.writeString(dir.resolve("tokenizer_config.json"), json);
    }

    private SpecialTokens specialTokens(Integer bosTokenId, List<Integer> eosTokenIds) {
        try (TextTokenizer tokenizer = TextTokenizer.load(dir, bosTokenId, eosTokenIds)) {
            return tokenizer.specialTokens();
        }
    }
}
