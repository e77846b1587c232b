package org.spinworkbench.store;

import java.nio.file.Path;
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
            return Jdbc.first(c, "SELECT " + COLUMNS + " FROM datasets WHERE id = ?", RegisteredDataset::fromRow, id)
                    .orElseThrow();
        });
    }

    public Optional<RegisteredDataset> findById(long id) {
        return database.read(c -> Jdbc.first(c,
                "SELECT " + COLUMNS + " FROM datasets WHERE id = ?", RegisteredDataset::fromRow, id));
    }

    /** The project's datasets, oldest first. */
    public List<RegisteredDataset> listByProject(long projectId) {
        return database.read(c -> Jdbc.list(c,
                "SELECT " + COLUMNS + " FROM datasets WHERE project_id = ? ORDER BY id", RegisteredDataset::fromRow,
                projectId));
    }

    /**
     * The project's earliest registration of these exact bytes, so registering the same
     * file again (even renamed or moved) can offer the existing dataset instead.
     */
    public Optional<RegisteredDataset> findByHash(long projectId, String contentHash) {
        return database.read(c -> Jdbc.first(c,
                "SELECT " + COLUMNS + " FROM datasets WHERE project_id = ? AND content_hash = ? ORDER BY id",
                RegisteredDataset::fromRow, projectId, contentHash));
    }
}
