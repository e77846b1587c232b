package org.spinworkbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;

/**
 * The metrics table: training and evaluation curves per run. Recording is idempotent per
 * (run, name, step, iteration): a resumed run that records a step again replaces it rather
 * than drawing the step twice. NaN and infinities are stored as NULL and read back as NaN.
 */
public final class MetricRepository {
    private static final int BATCH_ROWS = 500;

    private final Database database;

    public MetricRepository(Database database) {
        this.database = database;
    }

    /** Records the points in one transaction, replacing any already recorded at the same step. */
    public void recordAll(long runId, List<MetricPoint> points) {
        database.transaction(c -> {
            upsert(c, runId, points);
            return null;
        });
    }

    private static void upsert(Connection c, long runId, List<MetricPoint> points) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO metrics (run_id, iteration, step, name,"
                + " value) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (run_id, name, step, iteration) DO UPDATE SET value = excluded.value")) {
            int pending = 0;
            for (MetricPoint point : points) {
                Jdbc.bind(upsert, runId, point.iteration(), point.step(), point.name(), point.value());
                upsert.addBatch();
                if (++pending == BATCH_ROWS) {
                    upsert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                upsert.executeBatch();
            }
        }
    }

    /**
     * Replaces everything recorded for one iteration of the run with {@code points}, in one
     * transaction: an iteration trained elsewhere brings its whole curve, and a partial local
     * attempt at it must not be drawn beside it.
     */
    public void replaceIteration(long runId, int iteration, List<MetricPoint> points) {
        for (MetricPoint point : points) {
            if (point.iteration() != iteration) {
                throw new IllegalArgumentException("A point of iteration " + point.iteration()
                        + " among the points replacing iteration " + iteration);
            }
        }
        database.transaction(c -> {
            Jdbc.update(c, "DELETE FROM metrics WHERE run_id = ? AND iteration = ?", runId, iteration);
            upsert(c, runId, points);
            return null;
        });
    }

    /** The metric's curve over the whole run, by step. */
    public List<MetricPoint> series(long runId, String name) {
        return database.read(c -> Jdbc.list(c, "SELECT iteration, step, name, value FROM metrics"
                + " WHERE run_id = ? AND name = ? ORDER BY step, iteration", MetricRepository::map, runId, name));
    }

    /** The names of the metrics the run has recorded, sorted. */
    public List<String> names(long runId) {
        return database.read(c -> Jdbc.list(c, "SELECT DISTINCT name FROM metrics WHERE run_id = ? ORDER BY name",
                row -> row.getString(1), runId));
    }

    /** The highest step recorded for the run, where a resumed run picks its curves up. */
    public OptionalLong lastStep(long runId) {
        return database.read(c -> Jdbc.first(c, "SELECT step FROM metrics WHERE run_id = ? ORDER BY step DESC LIMIT 1",
                row -> row.getLong(1), runId))
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** The highest step recorded in one iteration of the run: the step its held-out evaluation was recorded at. */
    public OptionalLong lastStep(long runId, int iteration) {
        return database.read(c -> Jdbc.first(c, "SELECT step FROM metrics WHERE run_id = ? AND iteration = ?"
                        + " ORDER BY step DESC LIMIT 1", row -> row.getLong(1), runId, iteration))
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    private static MetricPoint map(ResultSet row) throws SQLException {
        Double value = Jdbc.nullableDouble(row, "value");
        return new MetricPoint(row.getInt("iteration"), row.getLong("step"), row.getString("name"),
                value == null ? Double.NaN : value);
    }
}
