package org.spinworkbench.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Versioned schema migrations, applied in order. The database's {@code user_version} is the
 * number of migrations applied; each migration runs in its own transaction together with
 * the version bump, so a crash leaves the schema at a whole version.
 */
final class Migrations {
    /** In order; append only. Migration N (1-based) brings the schema to version N. */
    static final List<String> SCRIPTS = List.of(
            "V001__workspace_schema.sql");

    static final String RESOURCE_FOLDER = "/db/migration/";

    private Migrations() {
    }

    static int latestVersion() {
        return SCRIPTS.size();
    }

    /** Applies every migration above {@code currentVersion}. */
    static void migrate(Connection c, int currentVersion) throws SQLException {
        for (int version = currentVersion + 1; version <= latestVersion(); version++) {
            String script = SCRIPTS.get(version - 1);
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement statement = c.createStatement()) {
                for (String sql : statements(read(script))) {
                    statement.executeUpdate(sql);
                }
                statement.executeUpdate("PRAGMA user_version = " + version);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw new SQLException("migration " + script + " failed: " + e.getMessage(), e);
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /**
     * Splits a script into statements as SQLite's own {@code sqlite3_complete} reads it: a
     * semicolon ends a statement unless it sits in a string literal, a quoted identifier or a
     * comment, or inside a {@code CREATE TRIGGER} body (which ends at {@code ; END ;}). Comments
     * are dropped; text in literals is kept exactly.
     */
    static List<String> statements(String script) {
        return new ScriptSplitter(script).statements();
    }

    private static String read(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream(RESOURCE_FOLDER + script)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + RESOURCE_FOLDER + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + script, e);
        }
    }
}
