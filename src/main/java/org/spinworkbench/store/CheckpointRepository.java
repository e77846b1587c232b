package org.spinworkbench.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The checkpoints table: where each of a run's saved models lies on disk. */
public final class CheckpointRepository {
    private static final String COLUMNS = "id, run_id, iteration, step, path, size_bytes, content_hash, created_at";

    private final Database database;
    private final Clock clock;

    public CheckpointRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Records a checkpoint. One saved again at the same iteration and step (a resumed run
     * redoing a step it had saved before it stopped) replaces the earlier record.
     */
    public Checkpoint record(long runId, int iteration, long step, Path path, long sizeBytes, String contentHash) {
        var now = clock.instant();
        return database.transaction(c -> {
            Jdbc.update(c, "INSERT INTO checkpoints (run_id, iteration, step, path, size_bytes, content_hash,"
                            + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, iteration, step)"
                            + " DO UPDATE SET path = excluded.path, size_bytes = excluded.size_bytes,"
                            + " content_hash = excluded.content_hash, created_at = excluded.created_at",
                    runId, iteration, step, path.toString(), sizeBytes, contentHash, now);
            return Jdbc.first(c, "SELECT " + COLUMNS + " FROM checkpoints WHERE run_id = ? AND iteration = ?"
                    + " AND step = ?", Checkpoint::fromRow, runId, iteration, step).orElseThrow();
        });
    }

    /** The run's most advanced checkpoint: the highest iteration, and in it the highest step. */
    public Optional<Checkpoint> latest(long runId) {
        return database.read(c -> Jdbc.first(c, "SELECT " + COLUMNS + " FROM checkpoints WHERE run_id = ?"
                + " ORDER BY iteration DESC, step DESC LIMIT 1", Checkpoint::fromRow, runId));
    }

    /** The run's checkpoints in the order they were reached. */
    public List<Checkpoint> listByRun(long runId) {
        return database.read(c -> Jdbc.list(c, "SELECT " + COLUMNS + " FROM checkpoints WHERE run_id = ?"
                + " ORDER BY iteration, step", Checkpoint::fromRow, runId));
    }
}
