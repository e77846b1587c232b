package org.spinworkbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV quoting as RFC 4180 has it, and the line numbers users see in their editor. */
class CsvDatasetTest {
    @TempDir
    Path dir;

    private LoadedDataset read(String csv, ProblemPolicy policy) throws Exception {
        Path file = dir.resolve("pairs.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return DatasetReader.read(file, null, policy);
    }

    private static List<String> responses(LoadedDataset data) {
        return data.examples().stream().map(Example::realResponse).toList();
    }

    @Test
    void quotedFieldsHoldCommasQuotesNewlinesAndEmptyStrings() throws Exception {
        LoadedDataset data = read("response,prompt,system\n"
                + "\"a, b\",p1,\n"
                + "\"\"\"quoted\"\"\",p2,\"\"\n"
                + "\"multi\nline\n\",p3,sys\n"
                + "  spaced  ,p4,\n", ProblemPolicy.STOP);
        assertEquals(List.of("a, b", "\"quoted\"", "multi\nline\n", "  spaced  "), responses(data));
        assertEquals(List.of(2, 3, 4, 7), data.examples().stream().map(Example::row).toList());
        assertEquals("sys", data.examples().get(2).prompt().get(0).content());
        assertEquals(1, data.examples().get(0).prompt().size()); // an empty system column adds no message
    }

    @Test
    void noTrailingNewlineCrLfBlankLinesAndAByteOrderMark() throws Exception {
        LoadedDataset data = read("\uFEFFprompt,response\r\n\r\np1,r1\r\n\r\np2,r2", ProblemPolicy.STOP);
        assertEquals(List.of("r1", "r2"), responses(data));
        assertEquals(List.of(3, 5), data.examples().stream().map(Example::row).toList());
        assertEquals(2, data.rowsRead());
    }

    @Test
    void brokenRecordsAreNamedByTheLineTheyStartOn() throws Exception {
        LoadedDataset data = read("prompt,response\n"
                + "\"two\nlines\",ok\n"
                + "only one field\n"
                + "\"closed\"junk,r\n"
                + "p,\n"
                + "p5,\"never closed\nstill open\n", ProblemPolicy.SKIP);
        assertEquals(List.of(2), data.examples().stream().map(Example::row).toList());
        assertEquals(List.of(
                "line 4: has 1 field, the header has 2",
                "line 5: text after the closing quote of field 1 (a quote inside a field must be doubled: \"\")",
                "line 6: empty response (\"response\")",
                "line 7: a quoted field is never closed"), data.skipped().stream().map(DatasetProblem::message).toList());
    }

    @Test
    void theHeaderMustNameThePromptAndResponseColumns() throws Exception {
        DataFileException e = assertThrows(DataFileException.class, () -> read("question,answer\nq,a\n", ProblemPolicy.SKIP));
        assertEquals("pairs.csv: cannot tell the dataset format (keys found: answer, question; supported formats: "
                + DatasetFormat.supported() + ")", e.getMessage());
        assertEquals("pairs.csv line 1: the header names the column \"prompt\" twice",
                assertThrows(DataFileException.class, () -> read("prompt,response,prompt\n", ProblemPolicy.SKIP)).getMessage());
        assertEquals("pairs.csv: the CSV file is empty; it needs a header row with the columns prompt and response",
                assertThrows(DataFileException.class, () -> read("\n", ProblemPolicy.SKIP)).getMessage());
        assertEquals("pairs.csv: the file has no rows",
                assertThrows(DataFileException.class, () -> read("prompt,response\n", ProblemPolicy.SKIP)).getMessage());
    }

    @Test
    void namedFormatWithAMissingColumnStopsAtTheFirstRow() throws Exception {
        Path file = dir.resolve("q.csv");
        Files.writeString(file, "prompt,answer\nq,a\n");
        assertEquals("q.csv line 2: missing field \"response\"", assertThrows(DataFileException.class,
                () -> DatasetReader.read(file, DatasetFormat.PROMPT_RESPONSE, ProblemPolicy.STOP)).getMessage());
    }
}
