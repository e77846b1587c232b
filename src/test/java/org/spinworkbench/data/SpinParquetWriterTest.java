package org.spinworkbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.lm.ChatMessage;

class SpinParquetWriterTest {
    @TempDir
    Path dir;

    @Test
    void pairsReadBackThroughTheDatasetReader() throws Exception {
        List<Example> written = List.of(
                new Example(1, List.of(ChatMessage.user("2+5=")), "7", "8"),
                new Example(2, List.of(ChatMessage.user("把 'quoted' 词排序")), "a\nb \"c\"", ""),
                new Example(3, List.of(ChatMessage.user("Hi")), "Hello", "Hey there"));
        Path file = dir.resolve("data/train_prefs-00000-of-00001.parquet");

        SpinParquetWriter.write(file, written);

        LoadedDataset read = DatasetReader.read(file, null, ProblemPolicy.STOP);
        assertEquals(DatasetFormat.SPIN, read.format());
        assertEquals(written.size(), read.examples().size());
        for (int i = 0; i < written.size(); i++) {
            assertEquals(written.get(i).prompt(), read.examples().get(i).prompt());
            assertEquals(written.get(i).realResponse(), read.examples().get(i).realResponse());
            assertEquals(written.get(i).generatedResponse(), read.examples().get(i).generatedResponse());
        }
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "nothing half-written is left beside it");
        }
    }

    @Test
    void theColumnsHaveTheTypesOfThePublishedSpinData() throws Exception {
        Path file = dir.resolve("pairs.parquet");
        SpinParquetWriter.write(file, List.of(new Example(1, List.of(ChatMessage.user("P")), "R", "S")));

        assertEquals(schema(Fixtures.dataset("spin_sample.parquet")), schema(file));
    }

    @Test
    void aPairWithoutASyntheticResponseIsRefusedAndNothingIsWritten() {
        Path file = dir.resolve("pairs.parquet");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () ->
                SpinParquetWriter.write(file, List.of(new Example(4, List.of(ChatMessage.user("P")), "R", null))));
        assertEquals("Example 1 (row 4) has no generated response to write as a SPIN pair.", refused.getMessage());
        assertFalse(Files.exists(file));
    }

    /** Each column's name, type, repetition and logical type, as the Parquet footer states them. */
    private static List<String> schema(Path file) throws Exception {
        List<String> columns = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement query = connection.prepareStatement("SELECT name, type, repetition_type,"
                     + " converted_type, logical_type FROM parquet_schema(?)")) {
            query.setString(1, file.toString());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3) + " "
                            + rows.getString(4) + " " + rows.getString(5));
                }
            }
        }
        return columns;
    }
}
