package org.spinworkbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An iteration's pairs file: read back as written; a damaged one is named by file and line in one sentence. */
class PairsFileTest {
    @TempDir
    Path dir;

    private static ScoredPair pair(int index) {
        return ScoredPair.unscored(new ScoredPair.Place(false, index), new ScoredPair.Texts("p" + index, "real",
                "synthetic"), new int[] {1, 2}, new int[] {3}, new int[] {4, 5}).withReference(-1.5, -2.5);
    }

    @Test
    void pairsReadBackAsWritten() throws IOException {
        Path file = dir.resolve("pairs.jsonl");
        PairsFile.write(file, List.of(pair(0), pair(1)));
        List<ScoredPair> read = PairsFile.read(file);
        assertEquals(2, read.size());
        assertEquals("p1", read.get(1).prompt());
        assertEquals(-2.5, read.get(1).referenceSynthetic());
    }

    @Test
    void aFileCutOffMidLineIsNamedWithItsLineAndWhatToDo() throws IOException {
        Path file = dir.resolve("pairs.jsonl");
        PairsFile.write(file, List.of(pair(0), pair(1), pair(2)));
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() - 20)); // as a disk that filled up would leave it

        IOException e = assertThrows(IOException.class, () -> PairsFile.read(file));

        String message = e.getMessage();
        assertTrue(message.startsWith(file + " line 3 is damaged (unterminated "), message);
        assertTrue(message.endsWith(" at column " + (text.lines().toList().get(2).length() - 18)
                + "). Delete the file to generate the iteration's pairs again, then resume."), message);
        assertFalse(message.contains("See https") || message.contains("Strictness") || message.contains("\n"),
                message);
    }

    @Test
    void aLineWithoutTokensIsDamagedToo() throws IOException {
        Path file = dir.resolve("pairs.jsonl");
        Files.writeString(file, "{\"eval\": false, \"exampleIndex\": 0}\n");
        IOException e = assertThrows(IOException.class, () -> PairsFile.read(file));
        assertEquals(file + " line 1 is damaged (a pair without its tokens). Delete the file to generate the"
                + " iteration's pairs again, then resume.", e.getMessage());
    }
}
