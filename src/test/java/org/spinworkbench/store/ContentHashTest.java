package org.spinworkbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentHashTest {
    @TempDir
    Path dir;

    @Test
    void fileHashIsSha256KnownAnswer() throws IOException {
        Path abc = Files.writeString(dir.resolve("abc.txt"), "abc", StandardCharsets.US_ASCII);
        Path empty = Files.write(dir.resolve("empty.bin"), new byte[0]);

        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ContentHash.ofFile(abc));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ContentHash.ofFile(empty));
    }

    @Test
    void fileLargerThanTheBufferHashesLikeItsWholeBytes() throws Exception {
        byte[] bytes = new byte[3 * (1 << 16) + 123];
        new Random(7).nextBytes(bytes);
        Path file = Files.write(dir.resolve("model.safetensors"), bytes);

        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertEquals(expected, ContentHash.ofFile(file));
    }

    @Test
    void identicalFoldersHashAlikeWhereverTheyAre() throws IOException {
        Path first = modelFolder(dir.resolve("first"));
        Path second = modelFolder(dir.resolve("elsewhere/second"));

        assertEquals(ContentHash.ofFolder(first), ContentHash.ofFolder(second));
        assertEquals(64, ContentHash.ofFolder(first).length());
    }

    @Test
    void renamingAFileChangesTheFolderHash() throws IOException {
        Path folder = modelFolder(dir.resolve("model"));
        String before = ContentHash.ofFolder(folder);

        Files.move(folder.resolve("tokenizer.json"), folder.resolve("tokenizer2.json"));

        assertNotEquals(before, ContentHash.ofFolder(folder));
    }

    @Test
    void changingOneByteChangesTheFolderHashAndRestoringItRestoresTheHash() throws IOException {
        Path folder = modelFolder(dir.resolve("model"));
        String before = ContentHash.ofFolder(folder);

        Files.writeString(folder.resolve("config.json"), "{\"hidden_size\":65}");
        String changed = ContentHash.ofFolder(folder);
        Files.writeString(folder.resolve("config.json"), "{\"hidden_size\":64}");

        assertNotEquals(before, changed);
        assertEquals(before, ContentHash.ofFolder(folder));
    }

    @Test
    void movingAFileIntoASubfolderChangesTheFolderHash() throws IOException {
        Path folder = modelFolder(dir.resolve("model"));
        String before = ContentHash.ofFolder(folder);

        Files.createDirectories(folder.resolve("sub"));
        Files.move(folder.resolve("tokenizer.json"), folder.resolve("sub/tokenizer.json"));

        assertNotEquals(before, ContentHash.ofFolder(folder));
    }

    @Test
    void hiddenEntriesDoNotCount() throws IOException {
        Path folder = modelFolder(dir.resolve("model"));
        String before = ContentHash.ofFolder(folder);

        Files.writeString(folder.resolve(".DS_Store"), "finder litter");
        Files.createDirectories(folder.resolve(".cache/huggingface"));
        Files.writeString(folder.resolve(".cache/huggingface/config.json.metadata"), "etag 123");

        assertEquals(before, ContentHash.ofFolder(folder));
    }

    @Test
    void aFileIsNotAFolder() throws IOException {
        Path file = Files.writeString(dir.resolve("config.json"), "{}");

        assertThrows(IOException.class, () -> ContentHash.ofFolder(file));
    }

    private static Path modelFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("config.json"), "{\"hidden_size\":64}");
        Files.writeString(folder.resolve("tokenizer.json"), "{\"model\":{\"type\":\"BPE\"}}");
        Files.write(folder.resolve("model.safetensors"), new byte[] {8, 0, 0, 0, 0, 0, 0, 0, '{', '}'});
        return folder;
    }
}
