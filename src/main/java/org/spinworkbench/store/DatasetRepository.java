package org.spinworkbench.store;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The datasets table: each project's registered dataset files, with their content hashes. */
public final class DatasetRepository {
    private static final String COLUMNS =
            "id, project_id, name, path, format, content_hash, row_count, registered_at";

    private final Database database;
    private final Clock clock;

    public DatasetRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Registers a dataset file; {@code contentHash} comes from {@link ContentHash#ofFile}. */
    public RegisteredDataset register(long projectId, String name, Path path, String format,
                                      String contentHash, long rowCount) {
        var now = clock.instant();
        return database.transaction(c -> {
            long id = Jdbc.insert(c, "INSERT INTO datasets (project_id, name, path, format, content_hash,"
                            + " row_count, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    projectId, name, path.toString(), format, contentHash, rowCount, now);
            return new RegisteredDataset(id, projectId, name, path, format, contentHash, rowCount, now);
        });
    }

    public Optional<RegisteredDataset> findById(long id) {
        return database.read(c -> Jdbc.first(c,
                "SELECT " + COLUMNS + " FROM datasets WHERE id = ?", DatasetRepository::map, id));
    }

    /** The project's datasets, oldest first. */
    public List<RegisteredDataset> listByProject(long projectId) {
        return database.read(c -> Jdbc.list(c,
                "SELECT " + COLUMNS + " FROM datasets WHERE project_id = ? ORDER BY id", DatasetRepository::map,
                projectId));
    }

    /**
     * The project's earliest registration of these exact bytes, so registering the same
     * file again (even renamed or moved) can offer the existing dataset instead.
     */
    public Optional<RegisteredDataset> findByHash(long projectId, String contentHash) {
        return database.read(c -> Jdbc.first(c,
                "SELECT " + COLUMNS + " FROM datasets WHERE project_id = ? AND content_hash = ? ORDER BY id",
                DatasetRepository::map, projectId, contentHash));
    }

    private static RegisteredDataset map(ResultSet row) throws SQLException {
        return new RegisteredDataset(row.getLong("id"), row.getLong("project_id"), row.getString("name"),
                Path.of(row.getString("path")), row.getString("format"), row.getString("content_hash"),
                row.getLong("row_count"), Jdbc.instant(row, "registered_at"));
    }
}
