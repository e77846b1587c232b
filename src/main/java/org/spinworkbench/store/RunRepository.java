package org.spinworkbench.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The runs table: each run's full configuration and seed, and its life from created to finished. */
public final class RunRepository {
    private static final String COLUMNS = "r.id, r.project_id, r.kind, r.status, r.base_model_id, r.dataset_id,"
            + " r.eval_dataset_id, r.config_json, r.seed, r.message, r.created_at, r.started_at, r.finished_at";

    private final Database database;
    private final Clock clock;

    public RunRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Records a run that has not started yet. Its models and datasets must belong to its own
     * project: a run pointing into another project would block that project's deletion.
     */
    public Run create(RunPlan plan) {
        var now = clock.instant();
        return database.transaction(c -> {
            requireInProject(c, "models", "base model", plan.baseModelId(), plan.projectId());
            requireInProject(c, "datasets", "dataset", plan.datasetId(), plan.projectId());
            requireInProject(c, "datasets", "evaluation dataset", plan.evalDatasetId(), plan.projectId());
            long id = Jdbc.insert(c, "INSERT INTO runs (project_id, kind, status, base_model_id, dataset_id,"
                            + " eval_dataset_id, config_json, seed, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    plan.projectId(), plan.kind(), RunStatus.CREATED, plan.baseModelId(), plan.datasetId(),
                    plan.evalDatasetId(), plan.configJson(), plan.seed(), now);
            return find(c, id).orElseThrow(() -> missing(id));
        });
    }

    public Optional<Run> findById(long id) {
        return database.read(c -> find(c, id));
    }

    /** The project's runs, newest first. */
    public List<Run> listByProject(long projectId) {
        return database.read(c -> Jdbc.list(c, "SELECT " + COLUMNS + " FROM runs r WHERE r.project_id = ?"
                + " ORDER BY r.created_at DESC, r.id DESC", Run::fromRow, projectId));
    }

    /** Every run in the workspace with its project's name, by project, newest run first. */
    public List<RunListing> listAll() {
        return database.read(c -> Jdbc.list(c, "SELECT p.name AS project_name, " + COLUMNS
                        + " FROM runs r JOIN projects p ON p.id = r.project_id"
                        + " ORDER BY p.name COLLATE NOCASE, r.created_at DESC, r.id DESC",
                row -> new RunListing(row.getString("project_name"), Run.fromRow(row))));
    }

    /**
     * Marks the run as running, first launch or resume. A resume keeps the first start time
     * and clears the previous ending, so the run reads as in progress again.
     */
    public Run markRunning(long id) {
        return database.transaction(c -> {
            Jdbc.update(c, "UPDATE runs SET status = ?, started_at = coalesce(started_at, ?),"
                    + " finished_at = NULL, message = NULL WHERE id = ?", RunStatus.RUNNING, clock.instant(), id);
            return find(c, id).orElseThrow(() -> missing(id));
        });
    }

    /** Ends the run with a finished status and, for failures and cancellations, why. */
    public Run finish(long id, RunStatus status, String message) {
        if (!status.finished()) {
            throw new IllegalArgumentException("A run finishes as completed, failed or cancelled, not " + status);
        }
        return database.transaction(c -> {
            Jdbc.update(c, "UPDATE runs SET status = ?, message = ?, finished_at = ? WHERE id = ?",
                    status, message, clock.instant(), id);
            return find(c, id).orElseThrow(() -> missing(id));
        });
    }

    private static Optional<Run> find(Connection c, long id) throws SQLException {
        return Jdbc.first(c, "SELECT " + COLUMNS + " FROM runs r WHERE r.id = ?", Run::fromRow, id);
    }

    private static void requireInProject(Connection c, String table, String what, Long id, long projectId)
            throws SQLException {
        if (id == null) {
            return;
        }
        boolean inProject = Jdbc.first(c, "SELECT 1 FROM " + table + " WHERE id = ? AND project_id = ?",
                row -> true, id, projectId).isPresent();
        if (!inProject) {
            throw new StoreException("The " + what + " (id " + id + ") is not registered in this project.");
        }
    }

    private static StoreException missing(long id) {
        return new StoreException("No run with id " + id + ".");
    }
}
