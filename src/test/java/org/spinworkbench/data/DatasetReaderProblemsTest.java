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

/** Every kind of bad row is named with its place; skipping keeps going and counts, stopping throws. */
class DatasetReaderProblemsTest {
    private static final String GOOD = "{\"messages\": [{\"role\": \"user\", \"content\": \"q\"}, {\"role\": \"assistant\", \"content\": \"a\"}]}";

    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    /** The message STOP gives for a file whose first row is {@code row} (a chat messages row). */
    private String stopMessage(String row) throws Exception {
        Path file = write("one.jsonl", GOOD, row);
        return assertThrows(DataFileException.class,
                () -> DatasetReader.read(file, DatasetFormat.MESSAGES, ProblemPolicy.STOP)).getMessage();
    }

    private static String messages(String... parts) {
        return "{\"messages\": [" + String.join(", ", parts) + "]}";
    }

    private static String msg(String role, String content) {
        return "{\"role\": \"" + role + "\", \"content\": \"" + content + "\"}";
    }

    @Test
    void eachProblemKindIsNamedWithItsLine() throws Exception {
        assertTrue(stopMessage("{\"messages\": [").startsWith("one.jsonl line 2: not valid JSON"));
        assertEquals("one.jsonl line 2: missing field \"messages\"", stopMessage("{\"prompt\": \"x\"}"));
        assertEquals("one.jsonl line 2: empty response (the last message of \"messages\")",
                stopMessage(messages(msg("user", "q"), msg("assistant", "  "))));
        assertEquals("one.jsonl line 2: two user messages in a row (messages 1 and 2 of \"messages\")",
                stopMessage(messages(msg("user", "q"), msg("user", "q2"), msg("assistant", "a"))));
        assertEquals("one.jsonl line 2: two assistant messages in a row (messages 2 and 3 of \"messages\")",
                stopMessage(messages(msg("user", "q"), msg("assistant", "a"), msg("assistant", "b"))));
        assertEquals("one.jsonl line 2: \"messages\" must start with a user message (after an optional system message), found assistant",
                stopMessage(messages(msg("system", "s"), msg("assistant", "a"))));
        assertEquals("one.jsonl line 2: \"messages\" must end with the assistant's response; its last message is from the user",
                stopMessage(messages(msg("user", "q"), msg("assistant", "a"), msg("user", "more?"))));
        assertEquals("one.jsonl line 2: message 2 of \"messages\" has the unknown role \"tool\" (expected assistant, system, user)",
                stopMessage(messages(msg("user", "q"), msg("tool", "t"), msg("assistant", "a"))));
        assertEquals("one.jsonl line 2: message 2 of \"messages\": field \"content\" must be text, found a number",
                stopMessage("{\"messages\": [" + msg("user", "q") + ", {\"role\": \"assistant\", \"content\": 42}]}"));
        assertEquals("one.jsonl line 2: message 3 of \"messages\" is a system message; only the first may be",
                stopMessage(messages(msg("user", "q"), msg("assistant", "a"), msg("system", "s"), msg("user", "q"),
                        msg("assistant", "a"))));
        assertEquals("one.jsonl line 2: message 1 of \"messages\" (user) is empty",
                stopMessage(messages(msg("user", ""), msg("assistant", "a"))));
        assertEquals("one.jsonl line 2: \"messages\" has no messages", stopMessage("{\"messages\": []}"));
        assertEquals("one.jsonl line 2: field \"messages\" must be a list of messages, found text",
                stopMessage("{\"messages\": \"hello\"}"));
    }

    @Test
    void spinGeneratedMustShareTheRealPrompt() throws Exception {
        Path file = write("spin.jsonl",
                "{\"real\": [" + msg("user", "q") + ", " + msg("assistant", "a") + "], \"generated\": [" + msg("user", "q") + ", "
                        + msg("assistant", "") + "]}",
                "{\"real\": [" + msg("user", "q") + ", " + msg("assistant", "a") + "], \"generated\": [" + msg("user", "other") + ", "
                        + msg("assistant", "g") + "]}");
        DataFileException e = assertThrows(DataFileException.class, () -> DatasetReader.read(file, null, ProblemPolicy.STOP));
        assertEquals("spin.jsonl line 2: the prompt in \"generated\" differs from the one in \"real\" at message 1", e.getMessage());
        assertEquals(2, e.line());
        // An empty model answer is a real (bad) sample, not broken data.
        LoadedDataset skipped = DatasetReader.read(file, null, ProblemPolicy.SKIP);
        assertEquals("", skipped.examples().get(0).generatedResponse());
    }

    @Test
    void alpacaAndPromptResponseProblems() throws Exception {
        Path alpaca = write("alpaca.jsonl", "{\"instruction\": \"i\", \"output\": \"o\"}",
                "{\"instruction\": \" \", \"output\": \"o\"}", "{\"instruction\": \"i\", \"output\": \"\"}",
                "{\"instruction\": \"i\", \"input\": [1], \"output\": \"o\"}");
        assertEquals(List.of("line 2: empty instruction (\"instruction\")", "line 3: empty response (\"output\")",
                        "line 4: field \"input\" must be text, found a list"),
                DatasetReader.read(alpaca, null, ProblemPolicy.SKIP).skipped().stream().map(DatasetProblem::message).toList());
        Path pairs = write("pairs.jsonl", "{\"prompt\": \"p\", \"response\": \"r\"}", "{\"prompt\": \"p\", \"response\": null}");
        assertEquals("pairs.jsonl line 2: missing field \"response\"",
                assertThrows(DataFileException.class, () -> DatasetReader.read(pairs, null, ProblemPolicy.STOP)).getMessage());
    }

    @Test
    void skipKeepsGoingKeepsRowNumbersAndCountsEveryRow() throws Exception {
        Path file = write("mixed.jsonl", GOOD, "not json", "", GOOD, messages(msg("user", "q"), msg("assistant", "")), "[1]", GOOD);
        LoadedDataset data = DatasetReader.read(file, null, ProblemPolicy.SKIP);
        assertEquals(DatasetFormat.MESSAGES, data.format());
        assertEquals(List.of(1, 4, 7), data.examples().stream().map(Example::row).toList());
        assertEquals(List.of(2, 5, 6), data.skipped().stream().map(DatasetProblem::row).toList());
        assertEquals(6, data.rowsRead()); // the blank line is no row
        assertEquals(data.rowsRead(), data.examples().size() + data.skipped().size());
        assertTrue(data.skipped().get(0).message().startsWith("line 2: not valid JSON"));
        assertEquals("line 6: expected a JSON object, found an array", data.skipped().get(2).message());
        assertTrue(data.describe().startsWith("3 examples from mixed.jsonl (chat messages); 3 rows of 6 skipped: line 2: not valid JSON"),
                data.describe());
        assertTrue(data.describe().contains("; line 5: empty response (the last message of \"messages\"); line 6: expected"),
                data.describe());

        DataFileException stop = assertThrows(DataFileException.class, () -> DatasetReader.read(file, null, ProblemPolicy.STOP));
        assertEquals(2, stop.line());
        assertEquals(file, stop.file());
    }

    @Test
    void describeSaysNothingWasSkippedAndShortensLongLists() throws Exception {
        assertEquals("1 example from good.jsonl (chat messages); no rows skipped.",
                DatasetReader.read(write("good.jsonl", GOOD), null, ProblemPolicy.SKIP).describe());
        String bad = messages(msg("user", "q"), msg("assistant", ""));
        LoadedDataset data = DatasetReader.read(write("many.jsonl", GOOD, bad, bad, bad, bad, bad, bad, bad), null, ProblemPolicy.SKIP);
        assertTrue(data.describe().endsWith("line 6: empty response (the last message of \"messages\"); and 2 more."),
                data.describe());
    }

    @Test
    void aFileWithNoUsableRowIsAnErrorEvenWhenSkipping() throws Exception {
        Path file = write("bad.jsonl", messages(msg("user", "q"), msg("assistant", "")), "{broken");
        DataFileException e = assertThrows(DataFileException.class, () -> DatasetReader.read(file, null, ProblemPolicy.SKIP));
        assertTrue(e.getMessage().startsWith("bad.jsonl: none of the 2 rows is usable as chat messages data: "
                + "line 1: empty response (the last message of \"messages\"); line 2: not valid JSON"), e.getMessage());
        assertEquals("empty.jsonl: the file has no rows", assertThrows(DataFileException.class,
                () -> DatasetReader.read(write("empty.jsonl", "", "  "), null, ProblemPolicy.SKIP)).getMessage());
    }

    @Test
    void anUnknownFormatListsTheKeysFoundAndTheFormatsSupported() throws Exception {
        Path file = write("qa.jsonl", "{\"question\": \"q\", \"answer\": \"a\"}", "{\"question\": \"q\", \"answer\": \"a\", \"id\": 3}");
        DataFileException e = assertThrows(DataFileException.class, () -> DatasetReader.read(file, null, ProblemPolicy.SKIP));
        assertEquals("qa.jsonl: cannot tell the dataset format (keys found: answer, id, question; supported formats: "
                + "spin (real, generated), messages (messages), alpaca (instruction, input, output), "
                + "sharegpt (conversations), prompt_response (prompt, response))", e.getMessage());
    }

    @Test
    void jsonArraysNameRowsByPosition() throws Exception {
        Path file = dir.resolve("rows.json");
        Files.writeString(file, "[{\"prompt\": \"p\", \"response\": \"r\"}, 5, {\"prompt\": \"p\", \"response\": \" \"}]");
        LoadedDataset data = DatasetReader.read(file, null, ProblemPolicy.SKIP);
        assertEquals(List.of("row 2: expected a JSON object, found a single value", "row 3: empty response (\"response\")"),
                data.skipped().stream().map(DatasetProblem::message).toList());
        assertEquals("rows.json row 2: expected a JSON object, found a single value",
                assertThrows(DataFileException.class, () -> DatasetReader.read(file, null, ProblemPolicy.STOP)).getMessage());

        Files.writeString(file, "[{\"prompt\": \"p\", \"response\": \"r\"}, {\"prompt\": ]");
        DataFileException broken = assertThrows(DataFileException.class, () -> DatasetReader.read(file, null, ProblemPolicy.SKIP));
        assertTrue(broken.getMessage().startsWith("rows.json: not a valid JSON array of rows: "), broken.getMessage());
        assertTrue(broken.getMessage().endsWith(" at line 1, column 48"), broken.getMessage());
    }

    @Test
    void fileLevelProblems() throws Exception {
        assertEquals("absent.jsonl: no such file", assertThrows(DataFileException.class,
                () -> DatasetReader.read(dir.resolve("absent.jsonl"), null, ProblemPolicy.SKIP)).getMessage());
        Path object = dir.resolve("wrapped.json");
        Files.writeString(object, "{\n  \"data\": [{\"prompt\": \"p\", \"response\": \"r\"}],\n  \"version\": 1\n}\n");
        assertEquals("wrapped.json: is a single JSON object (keys: data, version); expected a JSON array of rows, "
                        + "or one JSON object per line",
                assertThrows(DataFileException.class, () -> DatasetReader.read(object, null, ProblemPolicy.SKIP)).getMessage());
        Path text = write("notes.txt", "just some words");
        assertTrue(assertThrows(DataFileException.class, () -> DatasetReader.read(text, null, ProblemPolicy.SKIP))
                .getMessage().startsWith("notes.txt: cannot tell how the rows are stored; supported files are JSON Lines"));
        Path latin1 = dir.resolve("latin1.jsonl");
        Files.write(latin1, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xE9, '"', '}', '\n'});
        assertEquals("latin1.jsonl: no row in the first ones could be read, so the format cannot be told; the first"
                + " problem: not UTF-8 text (byte 0xE9 at byte 7 of the line)",
                assertThrows(DataFileException.class, () -> DatasetReader.read(latin1, null, ProblemPolicy.SKIP)).getMessage());
    }
}
