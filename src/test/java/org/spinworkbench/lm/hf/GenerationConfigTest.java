package org.spinworkbench.lm.hf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.SharedFixtures;

class GenerationConfigTest {
    @TempDir
    Path dir;

    @Test
    void publishedFilesGiveTheirEosListsAndSamplingDefaults() {
        GenerationConfig qwen2 = GenerationConfig.read(SharedFixtures.hfReal("qwen2-1.5b-instruct"));
        assertEquals(List.of(151645, 151643), qwen2.eosTokenIds());
        assertEquals(0.7, qwen2.topP().orElseThrow(), 1e-12);
        assertEquals(0.5, qwen2.temperature().orElseThrow(), 1e-12);
        assertEquals(true, qwen2.doSample().orElseThrow());
        assertEquals(List.of(2), GenerationConfig.read(SharedFixtures.hfReal("mistral-7b-instruct-v0.2")).eosTokenIds());
    }

    @Test
    void aFolderWithoutTheFileHasNone() {
        GenerationConfig none = GenerationConfig.read(dir);
        assertEquals(List.of(), none.eosTokenIds());
        assertTrue(none.temperature().isEmpty());
    }

    @Test
    void aBrokenFileIsNamedInOneLine() throws IOException {
        Files.writeString(dir.resolve(GenerationConfig.FILE), "{\"eos_token_id\": [2, -1]}");
        TokenizerException bad = assertThrows(TokenizerException.class, () -> GenerationConfig.read(dir));
        assertTrue(bad.getMessage().startsWith(dir.resolve(GenerationConfig.FILE) + ": \"eos_token_id\""), bad.getMessage());

        Files.writeString(dir.resolve(GenerationConfig.FILE), "{\"eos_token_id\": ");
        TokenizerException truncated = assertThrows(TokenizerException.class, () -> GenerationConfig.read(dir));
        assertTrue(truncated.getMessage().contains(GenerationConfig.FILE), truncated.getMessage());
        assertEquals(1, truncated.getMessage().lines().count(), truncated.getMessage());
    }
}
