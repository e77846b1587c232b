package org.spinworkbench.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The projects table. Names are unique regardless of case, in every script ({@link ProjectNames#key}). */
public final class ProjectRepository {
    private static final String COLUMNS = "id, name, description, folder, created_at, updated_at";

    private final Database database;
    private final Clock clock;

    public ProjectRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Project insert(String name, String description, String folder) {
        var now = clock.instant();
        return database.transaction(c -> {
            requireFreeName(c, name, -1);
            long id = Jdbc.insert(c, "INSERT INTO projects (name, name_key, description, folder, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", name, ProjectNames.key(name), description, folder, now, now);
            return new Project(id, name, description, folder, now, now);
        });
    }

    public List<Project> list() {
        return database.read(c -> Jdbc.list(c,
                "SELECT " + COLUMNS + " FROM projects ORDER BY name_key, id", ProjectRepository::map));
    }

    public Optional<Project> findById(long id) {
        return database.read(c -> Jdbc.first(c,
                "SELECT " + COLUMNS + " FROM projects WHERE id = ?", ProjectRepository::map, id));
    }

    public Optional<Project> findByName(String name) {
        return database.read(c -> Jdbc.first(c,
                "SELECT " + COLUMNS + " FROM projects WHERE name_key = ?", ProjectRepository::map, ProjectNames.key(name)));
    }

    public boolean folderTaken(String folder) {
        return database.read(c -> Jdbc.first(c,
                "SELECT 1 FROM projects WHERE folder = ?", row -> true, folder).isPresent());
    }

    public Project rename(long id, String newName) {
        return database.transaction(c -> {
            requireFreeName(c, newName, id);
            Jdbc.update(c, "UPDATE projects SET name = ?, name_key = ?, updated_at = ? WHERE id = ?",
                    newName, ProjectNames.key(newName), clock.instant(), id);
            return Jdbc.first(c, "SELECT " + COLUMNS + " FROM projects WHERE id = ?", ProjectRepository::map, id)
                    .orElseThrow(() -> new StoreException("No project with id " + id + "."));
        });
    }

    public Project describe(long id, String description) {
        return database.transaction(c -> {
            Jdbc.update(c, "UPDATE projects SET description = ?, updated_at = ? WHERE id = ?",
                    description, clock.instant(), id);
            return Jdbc.first(c, "SELECT " + COLUMNS + " FROM projects WHERE id = ?", ProjectRepository::map, id)
                    .orElseThrow(() -> new StoreException("No project with id " + id + "."));
        });
    }

    /** Deletes the project and, through the schema's cascades, everything recorded under it. */
    public boolean delete(long id) {
        return database.transaction(c -> Jdbc.update(c, "DELETE FROM projects WHERE id = ?", id) == 1);
    }

    private static void requireFreeName(java.sql.Connection c, String name, long exceptId) throws SQLException {
        boolean taken = Jdbc.first(c, "SELECT id FROM projects WHERE name_key = ? AND id <> ?",
                row -> row.getLong(1), ProjectNames.key(name), exceptId).isPresent();
        if (taken) {
            throw new DuplicateNameException("A project named \"" + name + "\" already exists.");
        }
    }

    private static Project map(ResultSet row) throws SQLException {
        return new Project(row.getLong("id"), row.getString("name"), row.getString("description"),
                row.getString("folder"), Jdbc.instant(row, "created_at"), Jdbc.instant(row, "updated_at"));
    }
}
