package org.spinworkbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A byte that is not UTF-8 makes its line a bad row, with its number, that --skip-bad-rows skips. */
class NonUtf8LinesTest {
    @TempDir
    Path dir;

    private Path file() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("{\"prompt\": \"one\", \"response\": \"1\"}\r\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("{\"prompt\": \"tw".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xFF); // never a UTF-8 byte
        bytes.writeBytes("o\", \"response\": \"2\"}\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("{\"prompt\": \"trois – três\", \"response\": \"3\"}".getBytes(StandardCharsets.UTF_8));
        return Files.write(dir.resolve("mixed.jsonl"), bytes.toByteArray());
    }

    @Test
    void stoppingNamesTheLineAndTheByte() throws Exception {
        Path file = file();
        DataFileException e = assertThrows(DataFileException.class,
                () -> DatasetReader.read(file, null, ProblemPolicy.STOP));
        assertEquals("mixed.jsonl line 2: not UTF-8 text (byte 0xFF at byte 15 of the line)", e.getMessage());
    }

    @Test
    void skippingKeepsEveryOtherRowAndReportsTheBadOne() throws Exception {
        LoadedDataset data = DatasetReader.read(file(), DatasetFormat.PROMPT_RESPONSE, ProblemPolicy.SKIP);
        assertEquals(List.of("one", "trois – três"),
                data.examples().stream().map(example -> example.prompt().get(0).content()).toList());
        assertEquals(List.of("line 2: not UTF-8 text (byte 0xFF at byte 15 of the line)"),
                data.skipped().stream().map(DatasetProblem::message).toList());
    }
}
