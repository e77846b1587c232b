package org.spinworkbench.data;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parquet rows, read through an in-memory DuckDB: the published SPIN data nests a list of
 * {@code {role, content}} structs per column, which DuckDB turns into JSON in one SQL call,
 * so every Parquet file becomes rows of the same JSON objects the other layouts give, and
 * the formats are checked by the same code. Rows are numbered from 1 in file order.
 */
final class ParquetRows {
    private static final String QUERY = "SELECT to_json(t)::VARCHAR FROM read_parquet(?) t";

    private ParquetRows() {
    }

    static List<SourceRow> read(Path file) {
        List<SourceRow> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:", DuckDb.offline());
             PreparedStatement query = connection.prepareStatement(QUERY)) {
            query.setString(1, file.toAbsolutePath().toString());
            try (ResultSet result = query.executeQuery()) {
                int number = 0;
                while (result.next()) {
                    number++;
                    JsonElement row = JsonParser.parseString(result.getString(1));
                    rows.add(SourceRow.of(number, row.getAsJsonObject()));
                }
            }
        } catch (SQLException e) {
            throw new DataFileException(file, 0, "cannot be read as Parquet (" + DuckDb.firstLine(e.getMessage()) + ")");
        }
        return rows;
    }
}
