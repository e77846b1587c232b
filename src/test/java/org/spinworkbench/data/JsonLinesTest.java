package org.spinworkbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesTest {
    @TempDir
    Path dir;

    private Path file(String content) throws Exception {
        Path file = dir.resolve("input.jsonl");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readsObjectsWithTheirLineNumbersSkippingBlankLines() throws Exception {
        Path file = file("\uFEFF{\"prompt\": \"2+2\"}\n\n  \n{\"prompt\": \"三加四\", \"response\": \"7\"}\n");
        List<JsonLines.Line> lines = JsonLines.read(file);
        assertEquals(2, lines.size());
        assertEquals(1, lines.get(0).number());
        assertEquals("2+2", lines.get(0).text(file, "prompt"));
        assertEquals(4, lines.get(1).number());
        assertEquals("三加四", lines.get(1).text(file, "prompt"));
    }

    @Test
    void badLinesAreNamedWithTheReason() throws Exception {
        Path broken = file("{\"prompt\": \"ok\"}\n{\"prompt\": \"unterminated}\n");
        DataFileException e = assertThrows(DataFileException.class, () -> JsonLines.read(broken));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith("input.jsonl line 2: not valid JSON"), e.getMessage());

        Path array = file("[1, 2]\n");
        assertEquals("input.jsonl line 1: expected a JSON object, found an array",
                assertThrows(DataFileException.class, () -> JsonLines.read(array)).getMessage());
    }

    @Test
    void missingOrNonTextFieldsAreNamed() throws Exception {
        Path file = file("{\"prompt\": 3}\n{\"other\": \"x\"}\n");
        List<JsonLines.Line> lines = JsonLines.read(file);
        assertEquals("input.jsonl line 1: field \"prompt\" must be a string",
                assertThrows(DataFileException.class, () -> lines.get(0).text(file, "prompt")).getMessage());
        assertEquals("input.jsonl line 2: missing field \"prompt\"",
                assertThrows(DataFileException.class, () -> lines.get(1).text(file, "prompt")).getMessage());
    }

    @Test
    void aMissingFileOrNonUtf8TextIsReported() throws Exception {
        assertEquals("absent.jsonl: no such file",
                assertThrows(DataFileException.class, () -> JsonLines.read(dir.resolve("absent.jsonl"))).getMessage());
        Path latin1 = dir.resolve("latin1.jsonl");
        Files.write(latin1, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xE9, '"', '}', '\n'});
        assertEquals("latin1.jsonl line 1: not UTF-8 text (byte 0xE9 at byte 7 of the line)",
                assertThrows(DataFileException.class, () -> JsonLines.read(latin1)).getMessage());
    }
}
