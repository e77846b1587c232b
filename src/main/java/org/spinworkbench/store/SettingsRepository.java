package org.spinworkbench.store;

import java.util.Optional;

/** Workbench preferences stored with the workspace, as text keyed by name. */
public final class SettingsRepository {
    private final Database database;

    public SettingsRepository(Database database) {
        this.database = database;
    }

    public Optional<String> get(String key) {
        return database.read(c -> Jdbc.first(c, "SELECT value FROM settings WHERE key = ?",
                row -> row.getString(1), key));
    }

    public void put(String key, String value) {
        database.transaction(c -> Jdbc.update(c,
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                key, value));
    }

    public void remove(String key) {
        database.transaction(c -> Jdbc.update(c, "DELETE FROM settings WHERE key = ?", key));
    }
}
