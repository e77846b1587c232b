package org.spinworkbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.data.DataFileException;
import org.spinworkbench.data.DatasetReader;
import org.spinworkbench.data.Example;
import org.spinworkbench.data.LoadedDataset;
import org.spinworkbench.data.ProblemPolicy;
import org.spinworkbench.data.PromptTurns;
import org.spinworkbench.lm.ChatMessage;

/**
 * A row far longer than the run can use is a row problem found while reading, before any
 * tokenizer sees it: a 50 MB row used to take the native tokenizer past 12 GB and abort the JVM.
 */
class LengthCheckTest {
    @TempDir
    Path dir;

    private Path data(int longRowChars) throws IOException {
        JsonObject big = new JsonObject();
        big.addProperty("prompt", "x".repeat(longRowChars));
        big.addProperty("response", "y");
        return Files.writeString(dir.resolve("rows.jsonl"), """
                {"prompt": "1+1=", "response": "2"}
                %s
                {"prompt": "2+2=", "response": "4"}
                """.formatted(big));
    }

    @Test
    void aRowLongerThan32CharactersPerTokenOfMaxLengthIsSkippableWithItsLine() throws IOException {
        LoadedDataset read = DatasetReader.read(data(64 * 32), null, ProblemPolicy.SKIP, PromptTurns.CONVERSATION,
                LengthCheck.of(64));

        assertEquals(List.of(1, 3), read.examples().stream().map(Example::row).toList());
        assertEquals("line 2: 2,049 characters, more than a run with max length 64 can use (at most 2,048,"
                + " 32 per token); shorten the row or skip it", read.skipped().get(0).message());
    }

    @Test
    void withoutSkippingTheReadStopsThereNamingFileAndLine() throws IOException {
        Path rows = data(5_000_000);
        DataFileException error = assertThrows(DataFileException.class, () -> DatasetReader.read(rows, null,
                ProblemPolicy.STOP, PromptTurns.CONVERSATION, LengthCheck.of(1024)));
        assertEquals("rows.jsonl line 2: 5,000,001 characters, more than a run with max length 1024 can use"
                + " (at most 32,768, 32 per token); shorten the row or skip it", error.getMessage());
    }

    @Test
    void theBoundCountsEveryPromptTurnAndTheLongerResponse() {
        LengthCheck check = LengthCheck.of(4); // 128 characters
        List<ChatMessage> prompt = List.of(ChatMessage.system("s".repeat(40)), ChatMessage.user("u".repeat(40)));
        assertNull(check.problem(new Example(1, prompt, "r".repeat(48), "g".repeat(10))), "exactly 128 is usable");
        assertEquals(129, chars(check.problem(new Example(1, prompt, "r".repeat(10), "g".repeat(49)))),
                "the synthetic response counts when it is the longer one");
        assertEquals(129, chars(check.problem(new Example(1, prompt, "r".repeat(49), null))));
    }

    @Test
    void aRowLongerThanAnyRowCanBeIsNeverHeldAndIsARowProblemToo() throws IOException {
        // 64 MiB + 1 byte on one line: read past without keeping it, reported by line number
        Path rows = dir.resolve("huge.jsonl");
        try (var out = Files.newOutputStream(rows)) {
            out.write("{\"prompt\": \"1+1=\", \"response\": \"2\"}\n{\"prompt\": \"".getBytes());
            byte[] block = "z".repeat(1 << 20).getBytes();
            for (int i = 0; i < 64; i++) {
                out.write(block);
            }
            out.write("\", \"response\": \"?\"}\n{\"prompt\": \"2+2=\", \"response\": \"4\"}\n".getBytes());
        }
        LoadedDataset read = DatasetReader.read(rows, null, ProblemPolicy.SKIP, PromptTurns.CONVERSATION,
                LengthCheck.of(1024));

        assertEquals(List.of(1, 3), read.examples().stream().map(Example::row).toList());
        assertEquals("line 2: a line of 67,108,895 bytes, longer than any row can be (67,108,864 bytes)",
                read.skipped().get(0).message());
    }

    private static int chars(String problem) {
        return Integer.parseInt(problem.substring(0, problem.indexOf(' ')).replace(",", ""));
    }
}
