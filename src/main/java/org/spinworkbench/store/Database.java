package org.spinworkbench.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The workspace's SQLite database: one connection, WAL mode, foreign keys on, shared by
 * the threads of this process under a lock (training writes metrics while the GUI reads).
 *
 * <p>Opening checks before it writes anything: a file that is not SQLite, a SQLite file
 * that is not a workbench database, or a schema newer than this build is refused and
 * left byte-for-byte untouched.
 */
public final class Database implements AutoCloseable {
    /** "SPIN" in ASCII, stored in the SQLite header so other tools' databases are told apart. */
    static final int APPLICATION_ID = 0x5350494E;
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating if absent) and migrates the database at {@code file}. */
    public static Database open(Path file) {
        requireSqliteOrEmpty(file);
        checkOwnershipOnACopyWhenLogged(file);
        Connection connection = connect(file);
        try {
            int version = checkOwnership(file, connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode = WAL");
                statement.execute("PRAGMA synchronous = NORMAL");
                statement.execute("PRAGMA foreign_keys = ON");
                statement.execute("PRAGMA busy_timeout = 5000");
                if (version == 0) {
                    statement.execute("PRAGMA application_id = " + APPLICATION_ID);
                }
            }
            Migrations.migrate(connection, version);
            return new Database(file, connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw unavailable(file, "could not be opened", e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    public int schemaVersion() {
        return read(c -> {
            try (Statement s = c.createStatement(); var rows = s.executeQuery("PRAGMA user_version")) {
                return rows.getInt(1);
            }
        });
    }

    /** Runs read-only work (or a single statement) on the connection. */
    public <T> T read(SqlWork<T> work) {
        lock.lock();
        try {
            return work.apply(connection);
        } catch (SQLException e) {
            throw failed(e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs work in one transaction: all of it is committed, or none of it. */
    public <T> T transaction(SqlWork<T> work) {
        lock.lock();
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackUnlessRolledBack();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failed(e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * SQLite rolls a transaction back itself when a disk fills mid-write; rolling back again
     * would fail and hide why. Either way nothing of the transaction is kept.
     */
    private void rollbackUnlessRolledBack() throws SQLException {
        try {
            connection.rollback();
        } catch (SQLException e) {
            if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
                throw e;
            }
        }
    }

    private StoreException failed(SQLException e) {
        if (DiskFull.caused(e, file)) {
            return new StoreException(DiskFull.message(file, "the workspace database could not be written"), e);
        }
        return new StoreException("Database error in " + file + ": " + e.getMessage(), e);
    }

    /** A database that cannot be opened now, for a reason that is not its contents: the disk, permissions. */
    private static WorkspaceException unavailable(Path file, String what, Exception e) {
        if (DiskFull.caused(e, file)) {
            return new WorkspaceException(WorkspaceException.Reason.UNAVAILABLE,
                    DiskFull.message(file, file.getFileName() + " " + what), e);
        }
        return new WorkspaceException(WorkspaceException.Reason.UNAVAILABLE, file + " " + what + ": " + e.getMessage(),
                e);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("Could not close " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private static void requireSqliteOrEmpty(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        byte[] header = new byte[SQLITE_MAGIC.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Reason.UNAVAILABLE,
                    file + " cannot be read: " + e.getMessage(), e);
        }
        if (read == 0) {
            return; // an empty file is an empty database to SQLite
        }
        if (read < header.length || !Arrays.equals(header, SQLITE_MAGIC)) {
            throw notOurs(file, "it is not a SQLite database");
        }
    }

    /**
     * With a write-ahead log beside the database (a process died with it open), the database's
     * latest pages may be in the log, and closing any read-write connection merges the log into
     * the file and deletes it: the bytes of a file refused as "left untouched" would change. So
     * ownership and version are checked first on a copy of the database and its log, in a
     * folder of its own that is deleted afterwards. Without a log, the checks of
     * {@link #open} read the file before anything writes to it.
     */
    private static void checkOwnershipOnACopyWhenLogged(Path file) {
        Path log = file.resolveSibling(file.getFileName() + "-wal");
        Path scratch = null;
        try {
            if (!Files.exists(file) || !Files.exists(log) || Files.size(log) == 0) {
                return;
            }
            scratch = Files.createTempDirectory("spinwb-check-");
            Path copy = scratch.resolve(file.getFileName().toString());
            Files.copy(file, copy);
            Files.copy(log, scratch.resolve(copy.getFileName() + "-wal"));
            try (Connection connection = connect(copy)) {
                checkOwnership(file, connection);
            }
        } catch (IOException | SQLException e) {
            throw unavailable(file, "could not be checked", e);
        } finally {
            deleteQuietly(scratch);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var entries = Files.list(folder)) {
            for (Path entry : entries.toList()) {
                Files.deleteIfExists(entry);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // a scratch copy in the temporary folder; the system cleans it up
        }
    }

    /** Returns the schema version, or fails if the database belongs to something else. */
    private static int checkOwnership(Path file, Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            int applicationId;
            int version;
            int objects;
            try {
                applicationId = s.executeQuery("PRAGMA application_id").getInt(1);
                version = s.executeQuery("PRAGMA user_version").getInt(1);
                objects = s.executeQuery("SELECT count(*) FROM sqlite_master").getInt(1);
            } catch (SQLException e) {
                if (DiskFull.caused(e, file)) {
                    throw unavailable(file, "could not be opened", e);
                }
                throw notOurs(file, "SQLite cannot read it (" + e.getMessage() + ")");
            }
            if (applicationId != APPLICATION_ID && (applicationId != 0 || objects > 0)) {
                throw notOurs(file, "it is a SQLite database of another application");
            }
            if (version > Migrations.latestVersion()) {
                throw new WorkspaceException(WorkspaceException.Reason.SCHEMA_TOO_NEW,
                        file + " was written by a newer SPIN Workbench (schema version " + version
                                + "; this version reads up to " + Migrations.latestVersion()
                                + "). Update SPIN Workbench to open it. The file was left untouched.");
            }
            return version;
        }
    }

    private static WorkspaceException notOurs(Path file, String why) {
        return new WorkspaceException(WorkspaceException.Reason.NOT_A_WORKBENCH_DATABASE,
                file + " is not a SPIN Workbench database: " + why + ". The file was left untouched;"
                        + " move it away or choose another workspace with --workspace DIR.");
    }

    private static Connection connect(Path file) {
        try {
            return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw unavailable(file, "could not be opened", e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already failing; the original error is what the user needs to see
        }
    }
}
