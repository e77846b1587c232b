package org.spinworkbench.store;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluations table. Metrics are a JSON object, because each task checker brings its
 * own; a NaN or infinite value is written as JSON {@code null} (JSON has no NaN) and read
 * back as NaN.
 */
public final class EvaluationRepository {
    private static final String COLUMNS = "id, run_id, iteration, dataset_id, metrics_json, evaluated_at";
    private static final Gson JSON = new GsonBuilder().serializeNulls().create();

    private final Database database;
    private final Clock clock;

    public EvaluationRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Records an evaluation, replacing the one already recorded for the same run, iteration
     * and dataset: re-evaluating after a resume or a checker fix keeps one current result.
     */
    public Evaluation record(long runId, int iteration, Long datasetId, Map<String, Double> metrics) {
        var now = clock.instant();
        String json = toJson(metrics);
        return database.transaction(c -> {
            requireDatasetOfRunsProject(c, runId, datasetId);
            int replaced = Jdbc.update(c, "UPDATE evaluations SET metrics_json = ?, evaluated_at = ?"
                    + " WHERE run_id = ? AND iteration = ? AND dataset_id IS ?", json, now, runId, iteration, datasetId);
            if (replaced == 0) {
                Jdbc.insert(c, "INSERT INTO evaluations (run_id, iteration, dataset_id, metrics_json, evaluated_at)"
                        + " VALUES (?, ?, ?, ?, ?)", runId, iteration, datasetId, json, now);
            }
            return Jdbc.first(c, "SELECT " + COLUMNS + " FROM evaluations"
                            + " WHERE run_id = ? AND iteration = ? AND dataset_id IS ?", EvaluationRepository::map,
                    runId, iteration, datasetId).orElseThrow();
        });
    }

    /** The run's evaluations by iteration, then by dataset (the run's own split first). */
    public List<Evaluation> listByRun(long runId) {
        return database.read(c -> Jdbc.list(c, "SELECT " + COLUMNS + " FROM evaluations WHERE run_id = ?"
                + " ORDER BY iteration, dataset_id IS NOT NULL, dataset_id", EvaluationRepository::map, runId));
    }

    private static void requireDatasetOfRunsProject(Connection c, long runId, Long datasetId) throws SQLException {
        if (datasetId == null) {
            return;
        }
        boolean sameProject = Jdbc.first(c, "SELECT 1 FROM datasets d JOIN runs r ON r.project_id = d.project_id"
                + " WHERE d.id = ? AND r.id = ?", row -> true, datasetId, runId).isPresent();
        if (!sameProject) {
            throw new StoreException("The dataset (id " + datasetId + ") is not registered in the run's project.");
        }
    }

    private static String toJson(Map<String, Double> metrics) {
        JsonObject object = new JsonObject();
        metrics.forEach((name, value) -> object.addProperty(name,
                value == null || !Double.isFinite(value) ? null : value));
        return JSON.toJson(object);
    }

    private static Map<String, Double> fromJson(String json) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : JsonParser.parseString(json).getAsJsonObject().entrySet()) {
            JsonElement value = entry.getValue();
            metrics.put(entry.getKey(), value.isJsonNull() ? Double.NaN : value.getAsDouble());
        }
        return metrics;
    }

    private static Evaluation map(ResultSet row) throws SQLException {
        return new Evaluation(row.getLong("id"), row.getLong("run_id"), row.getInt("iteration"),
                Jdbc.nullableLong(row, "dataset_id"), fromJson(row.getString("metrics_json")),
                Jdbc.instant(row, "evaluated_at"));
    }
}
