package org.spinworkbench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {
    @TempDir
    Path dir;

    @Test
    void knownAnswers() throws Exception {
        Path abc = dir.resolve("abc.txt");
        Files.writeString(abc, "abc", StandardCharsets.US_ASCII);
        // FIPS 180-2 test vector
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.ofFile(abc));
        Path empty = Files.createFile(dir.resolve("empty"));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.ofFile(empty));
    }

    @Test
    void filesLargerThanTheBufferStreamThrough() throws Exception {
        Path big = dir.resolve("a-million-a.txt");
        Files.write(big, "a".repeat(1_000_000).getBytes(StandardCharsets.US_ASCII));
        // FIPS 180-2: one million repetitions of "a"
        assertEquals("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", Sha256.ofFile(big));
    }
}
