package org.spinworkbench.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A SPIN or SFT run as recorded: its plan, where it stands, and when it started and ended.
 * {@code message} says why a run failed or stopped; it is null while all is well.
 */
public record Run(long id, long projectId, RunKind kind, RunStatus status, Long baseModelId, Long datasetId,
                  Long evalDatasetId, String configJson, long seed, String message,
                  Instant createdAt, Instant startedAt, Instant finishedAt) {
    /** One row of {@code runs}, its columns named as the repository selects them. */
    static Run fromRow(ResultSet row) throws SQLException {
        return new Run(row.getLong("id"), row.getLong("project_id"),
                Jdbc.enumValue(row, "kind", RunKind.class), Jdbc.enumValue(row, "status", RunStatus.class),
                Jdbc.nullableLong(row, "base_model_id"), Jdbc.nullableLong(row, "dataset_id"),
                Jdbc.nullableLong(row, "eval_dataset_id"), row.getString("config_json"), row.getLong("seed"),
                row.getString("message"), Jdbc.instant(row, "created_at"), Jdbc.instant(row, "started_at"),
                Jdbc.instant(row, "finished_at"));
    }
}
