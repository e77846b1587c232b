package org.spinworkbench.runs;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import org.spinworkbench.train.TrainingConfig;

/**
 * Everything needed to start a run, and to resume it later exactly: what to train from, on
 * what data, split how, with which settings. Stored as the run's configuration.
 *
 * @param datasetFormat  null: detected from the file
 * @param evalDataset    null: hold out part of the dataset instead
 * @param evalFraction   share of the dataset held out when there is no eval file (used when evalSize is 0)
 * @param evalSize       number of examples held out when there is no eval file (0: use evalFraction)
 * @param skipBadRows    skip malformed rows (reporting each) instead of stopping at the first
 * @param accuracyData   null, or questions with checkable answers (task and answer per row): each
 *                       iteration's model, and the base model, are scored on them
 */
public record RunSpec(String project, String baseModel, String dataset, String datasetFormat, String evalDataset,
                      double evalFraction, int evalSize, boolean skipBadRows, TrainingConfig training,
                      String accuracyData) {
    /** Share of the dataset held out for evaluation when there is no eval file, unless the user says otherwise. */
    public static final double DEFAULT_EVAL_FRACTION = 0.1;

    private static final Gson JSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    public String toJson() {
        return JSON.toJson(this);
    }

    public static RunSpec fromJson(String json) {
        return JSON.fromJson(json, RunSpec.class);
    }
}
