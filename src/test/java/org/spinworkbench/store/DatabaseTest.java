package org.spinworkbench.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void newDatabaseIsInWalModeWithTheLatestSchemaAndForeignKeys() {
        try (Database database = Database.open(dir.resolve("w.db"))) {
            assertEquals(Migrations.latestVersion(), database.schemaVersion());
            assertEquals("wal", database.read(c -> c.createStatement().executeQuery("PRAGMA journal_mode").getString(1)));
            int foreignKeys = database.read(c -> c.createStatement().executeQuery("PRAGMA foreign_keys").getInt(1));
            assertEquals(1, foreignKeys);
            List<String> tables = database.read(c -> Jdbc.list(c,
                    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", row -> row.getString(1)));
            assertEquals(List.of("checkpoints", "datasets", "evaluations", "iterations", "metrics", "models",
                    "projects", "runs", "samples", "settings"), tables);
        }
    }

    @Test
    void reopeningKeepsDataAndDoesNotMigrateAgain() {
        Path file = dir.resolve("w.db");
        try (Database database = Database.open(file)) {
            database.transaction(c -> Jdbc.update(c, "INSERT INTO settings (key, value) VALUES ('k', 'v')"));
        }
        try (Database database = Database.open(file)) {
            assertEquals("v", database.read(c -> c.createStatement()
                    .executeQuery("SELECT value FROM settings WHERE key = 'k'").getString(1)));
            assertEquals(Migrations.latestVersion(), database.schemaVersion());
        }
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedAndLeftUntouched() throws Exception {
        Path file = dir.resolve("w.db");
        byte[] content = "name,value\nthis is a CSV file, not a database\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file, content);

        WorkspaceException e = assertThrows(WorkspaceException.class, () -> Database.open(file));

        assertEquals(WorkspaceException.Reason.NOT_A_WORKBENCH_DATABASE, e.reason());
        assertTrue(e.getMessage().contains("not a SQLite database"), e.getMessage());
        assertTrue(e.getMessage().contains("left untouched"), e.getMessage());
        assertArrayEquals(content, Files.readAllBytes(file));
        assertTrue(Files.notExists(dir.resolve("w.db-wal")));
    }

    @Test
    void aCorruptSqliteFileIsRefusedAndLeftUntouched() throws Exception {
        Path file = dir.resolve("w.db");
        byte[] content = new byte[4096];
        System.arraycopy("SQLite format 3\0".getBytes(StandardCharsets.US_ASCII), 0, content, 0, 16);
        for (int i = 16; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        Files.write(file, content);

        WorkspaceException e = assertThrows(WorkspaceException.class, () -> Database.open(file));

        assertEquals(WorkspaceException.Reason.NOT_A_WORKBENCH_DATABASE, e.reason());
        assertArrayEquals(content, Files.readAllBytes(file));
    }

    @Test
    void anotherApplicationsSqliteDatabaseIsRefusedAndLeftUntouched() throws Exception {
        Path file = dir.resolve("w.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.createStatement().execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)");
        }
        byte[] before = Files.readAllBytes(file);

        WorkspaceException e = assertThrows(WorkspaceException.class, () -> Database.open(file));

        assertEquals(WorkspaceException.Reason.NOT_A_WORKBENCH_DATABASE, e.reason());
        assertTrue(e.getMessage().contains("another application"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aSchemaFromANewerVersionIsRefusedAndLeftUntouched() throws Exception {
        Path file = dir.resolve("w.db");
        try (Database database = Database.open(file)) {
            database.read(c -> c.createStatement().execute(
                    "PRAGMA user_version = " + (Migrations.latestVersion() + 1)));
        }
        byte[] before = Files.readAllBytes(file);

        WorkspaceException e = assertThrows(WorkspaceException.class, () -> Database.open(file));

        assertEquals(WorkspaceException.Reason.SCHEMA_TOO_NEW, e.reason());
        assertTrue(e.getMessage().contains("newer SPIN Workbench"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aRefusedDatabaseWithAWriteAheadLogKeepsAllThreeFilesByteForByte() throws Exception {
        // A newer SPIN Workbench's database, its latest pages still in the -wal file (as after a
        // crash, or while that version has it open): user_version lives in page 1, in the log.
        Path live = dir.resolve("live");
        Files.createDirectories(live);
        Path copy = dir.resolve("copy");
        Files.createDirectories(copy);
        try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + live.resolve("w.db"));
             Statement s = writer.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA wal_autocheckpoint = 0");
            s.execute("CREATE TABLE t (x INTEGER)");
            s.execute("PRAGMA application_id = " + Database.APPLICATION_ID);
            s.execute("PRAGMA user_version = " + (Migrations.latestVersion() + 1));
            s.execute("INSERT INTO t VALUES (1)");
            for (String name : new String[] {"w.db", "w.db-wal", "w.db-shm"}) {
                Files.copy(live.resolve(name), copy.resolve(name));
            }
        }
        Path file = copy.resolve("w.db");
        assertTrue(Files.size(copy.resolve("w.db-wal")) > 0, "the test needs pages in the log");
        byte[][] before = {Files.readAllBytes(file), Files.readAllBytes(copy.resolve("w.db-wal")),
            Files.readAllBytes(copy.resolve("w.db-shm"))};

        WorkspaceException e = assertThrows(WorkspaceException.class, () -> Database.open(file));

        assertEquals(WorkspaceException.Reason.SCHEMA_TOO_NEW, e.reason(), e.getMessage());
        assertArrayEquals(before[0], Files.readAllBytes(file), "the database file");
        assertArrayEquals(before[1], Files.readAllBytes(copy.resolve("w.db-wal")), "the write-ahead log");
        assertArrayEquals(before[2], Files.readAllBytes(copy.resolve("w.db-shm")), "the shared-memory index");
    }

    @Test
    void anEmptyFileBecomesAWorkbenchDatabase() throws Exception {
        Path file = dir.resolve("w.db");
        Files.createFile(file);
        try (Database database = Database.open(file)) {
            assertEquals(Migrations.latestVersion(), database.schemaVersion());
        }
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        try (Database database = Database.open(dir.resolve("w.db"))) {
            assertThrows(StoreException.class, () -> database.transaction(c -> {
                Jdbc.update(c, "INSERT INTO settings (key, value) VALUES ('a', '1')");
                return Jdbc.update(c, "INSERT INTO settings (key, value) VALUES ('a', '2')"); // duplicate key
            }));
            int rows = database.read(c -> c.createStatement().executeQuery("SELECT count(*) FROM settings").getInt(1));
            assertEquals(0, rows);
        }
    }

    @Test
    void everyMigrationFileIsRegisteredInOrder() throws Exception {
        Path folder = Path.of("resources/db/migration");
        try (var files = Files.list(folder)) {
            List<String> onDisk = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(onDisk, Migrations.SCRIPTS);
        }
        for (int i = 0; i < Migrations.SCRIPTS.size(); i++) {
            assertTrue(Migrations.SCRIPTS.get(i).startsWith(String.format("V%03d__", i + 1)), Migrations.SCRIPTS.get(i));
        }
    }

    @Test
    void scriptsSplitIntoStatementsWithoutComments() {
        List<String> statements = Migrations.statements(
                "-- header\nCREATE TABLE a (x INTEGER); -- trailing\n\nCREATE TABLE b (\n  y TEXT -- why\n);\n");
        assertEquals(List.of("CREATE TABLE a (x INTEGER)", "CREATE TABLE b (\n  y TEXT \n)"), statements);
    }

    @Test
    void literalsIdentifiersAndTriggerBodiesKeepTheirDashesAndSemicolons() throws Exception {
        String script = """
                /* a block comment; with a semicolon */
                CREATE TABLE "odd;name" (note TEXT DEFAULT '-- not a comment; nor an end', [x--y] INTEGER);
                CREATE TABLE log (text TEXT);
                CREATE TEMP TRIGGER noted AFTER INSERT ON "odd;name" BEGIN
                  INSERT INTO log VALUES (CASE WHEN new.note = 'it''s' THEN 'quote;d' ELSE new.note END);
                  INSERT INTO log VALUES ('--second');
                END;
                INSERT INTO "odd;name" (note) VALUES ('it''s'); -- a comment
                INSERT INTO "odd;name" ([x--y]) VALUES (1)""";
        List<String> statements = Migrations.statements(script);
        assertEquals(5, statements.size(), statements.toString());
        assertEquals("CREATE TABLE \"odd;name\" (note TEXT DEFAULT '-- not a comment; nor an end', [x--y] INTEGER)",
                statements.get(0));
        assertTrue(statements.get(2).endsWith("INSERT INTO log VALUES ('--second');\nEND"), statements.get(2));

        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement statement = c.createStatement()) {
            for (String sql : statements) {
                statement.executeUpdate(sql);
            }
            List<String> logged = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT text FROM log ORDER BY rowid")) {
                while (rows.next()) {
                    logged.add(rows.getString(1));
                }
            }
            assertEquals(List.of("quote;d", "--second", "-- not a comment; nor an end", "--second"), logged);
        }
    }
}
