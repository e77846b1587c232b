package org.spinworkbench.store;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A dataset file known to a project. {@code format} names the layout it was read as
 * ({@code spin}, {@code messages}, {@code alpaca}, {@code sharegpt}, {@code prompt_response});
 * the data package owns those names, the store only keeps them.
 */
public record RegisteredDataset(long id, long projectId, String name, Path path, String format,
                                String contentHash, long rowCount, Instant registeredAt) {
    /** One row of {@code datasets}, its columns named as the repository selects them. */
    static RegisteredDataset fromRow(ResultSet row) throws SQLException {
        return new RegisteredDataset(row.getLong("id"), row.getLong("project_id"), row.getString("name"),
                Path.of(row.getString("path")), row.getString("format"), row.getString("content_hash"),
                row.getLong("row_count"), Jdbc.instant(row, "registered_at"));
    }
}
