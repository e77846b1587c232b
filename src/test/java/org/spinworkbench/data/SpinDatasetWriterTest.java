package org.spinworkbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.lm.ChatMessage;

class SpinDatasetWriterTest {
    @TempDir
    Path dir;

    private static Example pair(int row, List<ChatMessage> prompt, String real, String generated) {
        return new Example(row, prompt, real, generated);
    }

    @Test
    void writtenPairsReadBackAsTheSpinLayoutWithTheSamePromptsAndResponses() throws IOException {
        List<Example> written = List.of(
                pair(1, List.of(ChatMessage.user("2+5=")), "7", "8"),
                pair(2, List.of(ChatMessage.system("Answer briefly."), ChatMessage.user("Capital of France?")),
                        "Paris", ""),
                pair(3, List.of(ChatMessage.user("Hi"), ChatMessage.assistant("Hello!"), ChatMessage.user("Sort: c a b")),
                        "a b c", "c b a"));
        Path file = dir.resolve("out/iteration-1.jsonl");

        SpinDatasetWriter.write(file, written);

        LoadedDataset read = DatasetReader.read(file, null, ProblemPolicy.STOP);
        assertEquals(DatasetFormat.SPIN, read.format(), "told from the keys, as a user's file would be");
        assertEquals(written.size(), read.examples().size());
        for (int i = 0; i < written.size(); i++) {
            Example expected = written.get(i);
            Example actual = read.examples().get(i);
            assertEquals(expected.prompt(), actual.prompt());
            assertEquals(expected.realResponse(), actual.realResponse());
            assertEquals(expected.generatedResponse(), actual.generatedResponse());
        }
    }

    @Test
    void eachLineHasTheReferenceKeysAndRoles() throws IOException {
        Path file = dir.resolve("one.jsonl");
        SpinDatasetWriter.write(file, List.of(pair(1, List.of(ChatMessage.user("P")), "R", "S")));

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(1, lines.size());
        assertEquals(JsonParser.parseString("""
                {"real": [{"role": "user", "content": "P"}, {"role": "assistant", "content": "R"}],
                 "generated": [{"role": "user", "content": "P"}, {"role": "assistant", "content": "S"}]}
                """), JsonParser.parseString(lines.get(0)));
    }

    @Test
    void unicodeQuotesAndLineBreaksSurviveTheRoundTripVerbatim() throws IOException {
        String prompt = "把“你好”翻译成英语 <b>&</b> \"quoted\" 🙂\nsecond line\u2028after a line separator";
        String real = "Hello — \\n is not a newline, \t tab";
        String generated = "  leading and trailing spaces kept  \r\n";
        Path file = dir.resolve("unicode.jsonl");

        SpinDatasetWriter.write(file, List.of(pair(1, List.of(ChatMessage.user(prompt)), real, generated)));

        assertEquals(1, Files.readAllLines(file, StandardCharsets.UTF_8).size(), "one pair, one line");
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains("你好"), "UTF-8, not \\u escapes");
        Example back = DatasetReader.read(file, DatasetFormat.SPIN, ProblemPolicy.STOP).examples().get(0);
        assertEquals(List.of(ChatMessage.user(prompt)), back.prompt());
        assertEquals(real, back.realResponse());
        assertEquals(generated, back.generatedResponse());
    }

    @Test
    void aFailureHalfwayLeavesTheOldFileWholeAndNoPartialFile() throws IOException {
        Path file = dir.resolve("data.jsonl");
        Files.writeString(file, "the previous export\n");
        List<Example> thirdIsBad = List.of(pair(1, List.of(ChatMessage.user("a")), "1", "2"),
                pair(2, List.of(ChatMessage.user("b")), "3", "4"),
                pair(7, List.of(ChatMessage.user("c")), "5", null));

        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> SpinDatasetWriter.write(file, thirdIsBad));

        assertEquals("Example 3 (row 7) has no generated response to write as a SPIN pair.", failure.getMessage());
        assertEquals("the previous export\n", Files.readString(file));
        assertEquals(List.of(file), filesIn(dir));
    }

    @Test
    void aTargetThatCannotBeReplacedFailsWithoutLeavingAPartialFile() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("taken.jsonl"));
        Files.writeString(folder.resolve("inside.txt"), "x");

        assertThrows(IOException.class, () -> SpinDatasetWriter.write(folder,
                List.of(pair(1, List.of(ChatMessage.user("a")), "1", "2"))));

        assertEquals(List.of(folder.resolve("inside.txt")), filesIn(dir));
    }

    private static List<Path> filesIn(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
