package org.spinworkbench.store;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A model known to a project: a base model the user picked or one a run produced, kept in
 * Hugging Face layout at {@code path}. {@code parameterCount} is null until it has been
 * counted; {@code configJson} is the folder's {@code config.json} as it was registered.
 */
public record RegisteredModel(long id, long projectId, String name, Path path, String architecture,
                              Long parameterCount, String configJson, String contentHash,
                              Instant registeredAt) {
    /** One row of {@code models}, its columns named as the repository selects them. */
    static RegisteredModel fromRow(ResultSet row) throws SQLException {
        return new RegisteredModel(row.getLong("id"), row.getLong("project_id"), row.getString("name"),
                Path.of(row.getString("path")), row.getString("architecture"),
                Jdbc.nullableLong(row, "parameter_count"), row.getString("config_json"),
                row.getString("content_hash"), Jdbc.instant(row, "registered_at"));
    }
}
