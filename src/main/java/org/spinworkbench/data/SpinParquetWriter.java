package org.spinworkbench.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * Writes SPIN pairs as a Parquet file in the layout of the reference's published data
 * ({@code UCLA-AGI/SPIN_iter0}, written by its {@code convert_data.py}): two columns,
 * {@code real} and {@code generated}, each a {@code list<struct<content, role>>}, Snappy
 * compressed. DuckDB writes the file; the
 * rows go in as the same JSON objects {@link SpinDatasetWriter} writes, cast to the struct
 * type, so the two layouts cannot disagree. The file appears whole or not at all.
 */
public final class SpinParquetWriter {
    private static final String MESSAGES = "STRUCT(content VARCHAR, role VARCHAR)[]";

    private SpinParquetWriter() {
    }

    /**
     * Writes {@code examples} to {@code file}, replacing it if it exists.
     *
     * @throws IllegalArgumentException naming the example when one has no generated response
     */
    public static void write(Path file, List<Example> examples) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".partial");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:", DuckDb.offline())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE pairs (real " + MESSAGES + ", generated " + MESSAGES + ")");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO pairs SELECT CAST(j -> 'real' AS "
                    + MESSAGES + "), CAST(j -> 'generated' AS " + MESSAGES + ") FROM (SELECT CAST(? AS JSON) AS j)")) {
                for (int i = 0; i < examples.size(); i++) {
                    insert.setString(1, SpinDatasetWriter.row(examples.get(i), i + 1).toString());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("COPY pairs TO " + DuckDb.literal(partial.toString()) + " (FORMAT parquet, COMPRESSION snappy)");
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (SQLException e) {
            Files.deleteIfExists(partial);
            throw new IOException("Cannot write " + target + " as Parquet: " + DuckDb.firstLine(e.getMessage()), e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }
}
