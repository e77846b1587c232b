package org.spinworkbench.runs;

import ai.djl.Device;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.spinworkbench.io.FileTrees;
import org.spinworkbench.store.RunStatus;
import org.spinworkbench.store.Workspace;

/**
 * The tiny run of {@link TinyRuns#completedRun}, trained once per JVM and iteration count and
 * then copied into each empty workspace that asks for one: its rows (same ids, as a fresh
 * workspace would number them), its run folder, and the model and data files it was trained
 * from, with every recorded path moved to the new places. The copy is what training would have
 * written there: the model, data and seed are the same, and training is deterministic on a CPU.
 */
final class RecordedRuns {
    /** In the order their foreign keys need. */
    private static final List<String> TABLES = List.of("projects", "models", "datasets", "runs", "iterations",
            "samples", "metrics", "evaluations", "checkpoints");
    private static final Map<Integer, Recorded> RECORDED = new HashMap<>();

    private record Recorded(Path workspace, Path files, long runId) {
    }

    private RecordedRuns() {
    }

    /** A copy of the recorded run of {@code iterations} into {@code workspace}, which has no project yet. */
    static synchronized RunOutcome copyInto(Workspace workspace, Path dir, int iterations) throws IOException {
        Recorded recorded = RECORDED.get(iterations);
        if (recorded == null) {
            recorded = record(iterations);
            RECORDED.put(iterations, recorded);
        }
        Path target = workspace.folder().toAbsolutePath().normalize();
        Path files = dir.toAbsolutePath().normalize();
        copyTree(recorded.files(), files);
        copyTree(recorded.workspace().resolve("projects"), target.resolve("projects"));
        Map<String, String> moved = Map.of(recorded.workspace().toString(), target.toString(),
                recorded.files().toString(), files.toString());
        try (Connection from = DriverManager.getConnection("jdbc:sqlite:"
                + recorded.workspace().resolve(Workspace.DATABASE_FILE))) {
            workspace.database().transaction(into -> {
                for (String table : TABLES) {
                    copyRows(from, into, table, moved);
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IOException("Could not copy the recorded run: " + e.getMessage(), e);
        }
        return new RunService(workspace, Device.cpu()).outcome(recorded.runId(), RunStatus.COMPLETED, null);
    }

    private static Recorded record(int iterations) throws IOException {
        Path root = Files.createTempDirectory("spinwb-recorded-run-").toAbsolutePath().normalize();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> FileTrees.deleteAfterFailure(root)));
        Path workspaceFolder = root.resolve("workspace");
        Path files = root.resolve("files");
        try (Workspace workspace = Workspace.open(workspaceFolder)) {
            long runId = TinyRuns.trainedRun(workspace, files, iterations).runId();
            return new Recorded(workspace.folder().toAbsolutePath().normalize(), files, runId);
        }
    }

    private static void copyRows(Connection from, Connection into, String table, Map<String, String> moved)
            throws SQLException {
        try (PreparedStatement select = from.prepareStatement("SELECT * FROM " + table);
             ResultSet rows = select.executeQuery()) {
            ResultSetMetaData columns = rows.getMetaData();
            String names = String.join(", ", names(columns));
            String marks = String.join(", ", Collections.nCopies(columns.getColumnCount(), "?"));
            try (PreparedStatement insert = into.prepareStatement("INSERT INTO " + table + " (" + names
                    + ") VALUES (" + marks + ")")) {
                while (rows.next()) {
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        Object value = rows.getObject(i);
                        insert.setObject(i, value instanceof String text ? moved(text, moved) : value);
                    }
                    insert.executeUpdate();
                }
            }
        }
    }

    private static List<String> names(ResultSetMetaData columns) throws SQLException {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            names.add(columns.getColumnName(i));
        }
        return names;
    }

    private static String moved(String text, Map<String, String> moved) {
        String result = text;
        for (Map.Entry<String, String> place : moved.entrySet()) {
            result = result.replace(place.getKey(), place.getValue());
        }
        return result;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path copy = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
