package org.spinworkbench.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The iterations table: each self-play iteration of a run and the phase it is in. */
public final class IterationRepository {
    private static final String COLUMNS = "id, run_id, iteration, status, started_at, finished_at";

    private final Database database;
    private final Clock clock;

    public IterationRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Records that iteration {@code iteration} of the run has begun generating. */
    public Iteration start(long runId, int iteration) {
        var now = clock.instant();
        return database.transaction(c -> {
            long id = Jdbc.insert(c, "INSERT INTO iterations (run_id, iteration, status, started_at)"
                    + " VALUES (?, ?, ?, ?)", runId, iteration, IterationStatus.GENERATING, now);
            return new Iteration(id, runId, iteration, IterationStatus.GENERATING, now, null);
        });
    }

    /**
     * Moves the iteration to another phase. Any ending recorded before is cleared: a phase
     * after an ending means the iteration was resumed.
     */
    public Iteration updateStatus(long id, IterationStatus status) {
        if (status.finished()) {
            throw new IllegalArgumentException("Use finish() to end an iteration as " + status);
        }
        return database.transaction(c -> {
            Jdbc.update(c, "UPDATE iterations SET status = ?, finished_at = NULL WHERE id = ?", status, id);
            return find(c, id);
        });
    }

    /** Ends the iteration as completed, failed or cancelled. */
    public Iteration finish(long id, IterationStatus status) {
        if (!status.finished()) {
            throw new IllegalArgumentException("An iteration finishes as completed, failed or cancelled, not "
                    + status);
        }
        return database.transaction(c -> {
            Jdbc.update(c, "UPDATE iterations SET status = ?, finished_at = ? WHERE id = ?",
                    status, clock.instant(), id);
            return find(c, id);
        });
    }

    public Optional<Iteration> find(long runId, int iteration) {
        return database.read(c -> Jdbc.first(c, "SELECT " + COLUMNS
                        + " FROM iterations WHERE run_id = ? AND iteration = ?", IterationRepository::map,
                runId, iteration));
    }

    /** The run's iterations in order. */
    public List<Iteration> listByRun(long runId) {
        return database.read(c -> Jdbc.list(c, "SELECT " + COLUMNS
                + " FROM iterations WHERE run_id = ? ORDER BY iteration", IterationRepository::map, runId));
    }

    private static Iteration find(Connection c, long id) throws SQLException {
        return Jdbc.first(c, "SELECT " + COLUMNS + " FROM iterations WHERE id = ?", IterationRepository::map, id)
                .orElseThrow(() -> new StoreException("No iteration with id " + id + "."));
    }

    private static Iteration map(ResultSet row) throws SQLException {
        return new Iteration(row.getLong("id"), row.getLong("run_id"), row.getInt("iteration"),
                Jdbc.enumValue(row, "status", IterationStatus.class), Jdbc.instant(row, "started_at"),
                Jdbc.instant(row, "finished_at"));
    }
}
