package org.spinworkbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet files other tools write: nested SPIN columns, flat columns, bad rows, files that are not Parquet. */
class ParquetDatasetTest {
    @TempDir
    Path dir;

    /** Writes {@code select}'s result to a Parquet file with DuckDB, as a dataset tool would. */
    private Path parquet(String name, String select) throws Exception {
        Path file = dir.resolve(name);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("COPY (" + select + ") TO '" + file.toString().replace("'", "''") + "' (FORMAT parquet)");
        }
        return file;
    }

    @Test
    void badSpinRowsAreNamedByTheirRowNumber() throws Exception {
        String good = "[{'role': 'user', 'content': 'q'}, {'role': 'assistant', 'content': 'a'}]";
        Path file = parquet("spin.parquet", "SELECT * FROM (VALUES "
                + "(1, " + good + ", " + good + "), "
                + "(2, [{'role': 'user', 'content': 'q'}, {'role': 'user', 'content': 'q'}], " + good + "), "
                + "(3, " + good + ", [{'role': 'user', 'content': 'other'}, {'role': 'assistant', 'content': 'g'}]), "
                + "(4, NULL, " + good + ")) AS t(id, real, generated) ORDER BY id");
        LoadedDataset data = DatasetReader.read(file, null, ProblemPolicy.SKIP);
        assertEquals(DatasetFormat.SPIN, data.format());
        assertEquals(4, data.rowsRead());
        assertEquals(List.of(1), data.examples().stream().map(Example::row).toList());
        assertEquals(List.of(
                "row 2: two user messages in a row (messages 1 and 2 of \"real\")",
                "row 3: the prompt in \"generated\" differs from the one in \"real\" at message 1",
                "row 4: missing field \"real\""), data.skipped().stream().map(DatasetProblem::message).toList());
        assertEquals("spin.parquet row 2: two user messages in a row (messages 1 and 2 of \"real\")",
                assertThrows(DataFileException.class, () -> DatasetReader.read(file, null, ProblemPolicy.STOP)).getMessage());
    }

    @Test
    void flatColumnsInParquetReadAsTheOtherFormats() throws Exception {
        Path pairs = parquet("pairs.parquet", "SELECT 'Qu''est-ce que 1+1 ?' AS prompt, '2' AS response "
                + "UNION ALL SELECT '一加一', 42");
        LoadedDataset data = DatasetReader.read(pairs, null, ProblemPolicy.SKIP);
        assertEquals(DatasetFormat.PROMPT_RESPONSE, data.format());
        assertEquals("Qu'est-ce que 1+1 ?", data.examples().get(0).prompt().get(0).content());
        // the union made the column text, so 42 arrives as "42"
        assertEquals(List.of("2", "42"), data.examples().stream().map(Example::realResponse).toList());

        Path numbers = parquet("numbers.parquet", "SELECT 'p' AS prompt, 1 AS response");
        assertEquals("numbers.parquet row 1: field \"response\" must be text, found a number",
                assertThrows(DataFileException.class, () -> DatasetReader.read(numbers, null, ProblemPolicy.STOP)).getMessage());
    }

    @Test
    void aFileThatIsNotParquetSaysSo() throws Exception {
        Path fake = dir.resolve("fake.parquet");
        Files.writeString(fake, "{\"prompt\": \"p\", \"response\": \"r\"}\n");
        DataFileException e = assertThrows(DataFileException.class, () -> DatasetReader.read(fake, null, ProblemPolicy.SKIP));
        assertTrue(e.getMessage().startsWith("fake.parquet: cannot be read as Parquet ("), e.getMessage());
    }

    @Test
    void aPathWithQuotesAndSpacesIsPassedSafely() throws Exception {
        Path odd = dir.resolve("it's a file.parquet");
        Files.copy(Fixtures.dataset("spin_sample.parquet"), odd);
        assertEquals(3, DatasetReader.read(odd, null, ProblemPolicy.STOP).examples().size());
    }
}
