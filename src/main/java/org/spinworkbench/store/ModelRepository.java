package org.spinworkbench.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The models table: the models each project has registered, with their content hashes. */
public final class ModelRepository {
    private static final String COLUMNS =
            "id, project_id, name, path, architecture, parameter_count, config_json, content_hash, registered_at";

    private final Database database;
    private final Clock clock;

    public ModelRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Registers a model folder; {@code contentHash} comes from {@link ContentHash#ofFolder}. */
    public RegisteredModel register(long projectId, String name, Path path, String architecture,
                                    Long parameterCount, String configJson, String contentHash) {
        var now = clock.instant();
        return database.transaction(c -> {
            long id = Jdbc.insert(c, "INSERT INTO models (project_id, name, path, architecture, parameter_count,"
                            + " config_json, content_hash, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    projectId, name, path.toString(), architecture, parameterCount, configJson, contentHash, now);
            return Jdbc.first(c, "SELECT " + COLUMNS + " FROM models WHERE id = ?", RegisteredModel::fromRow, id)
                    .orElseThrow();
        });
    }

    public Optional<RegisteredModel> findById(long id) {
        return database.read(c -> Jdbc.first(c,
                "SELECT " + COLUMNS + " FROM models WHERE id = ?", RegisteredModel::fromRow, id));
    }

    /** The project's models, oldest first. */
    public List<RegisteredModel> listByProject(long projectId) {
        return database.read(c -> Jdbc.list(c,
                "SELECT " + COLUMNS + " FROM models WHERE project_id = ? ORDER BY id", RegisteredModel::fromRow,
                projectId));
    }
}
