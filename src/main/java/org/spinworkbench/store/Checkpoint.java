package org.spinworkbench.store;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A saved model (and optimiser state) of a run at an iteration and optimiser step, in
 * Hugging Face layout at {@code path}. Resume and export start from these.
 */
public record Checkpoint(long id, long runId, int iteration, long step, Path path, long sizeBytes,
                         String contentHash, Instant createdAt) {
    /** One row of {@code checkpoints}, its columns named as the repository selects them. */
    static Checkpoint fromRow(ResultSet row) throws SQLException {
        return new Checkpoint(row.getLong("id"), row.getLong("run_id"), row.getInt("iteration"), row.getLong("step"),
                Path.of(row.getString("path")), row.getLong("size_bytes"), row.getString("content_hash"),
                Jdbc.instant(row, "created_at"));
    }
}
