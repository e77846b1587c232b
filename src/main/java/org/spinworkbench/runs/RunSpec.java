package org.spinworkbench.runs;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.Comparator;
import java.util.Optional;
import org.spinworkbench.store.Run;
import org.spinworkbench.store.Workspace;
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

    /** A spec built field by field: {@code set} ones are required, {@code opt} ones have defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The spec of the project's latest run, if it has one. */
    public static Optional<RunSpec> ofLatestRun(Workspace workspace, long projectId) {
        return workspace.runs().listByProject(projectId).stream()
                .max(Comparator.comparingLong(Run::id))
                .map(run -> fromJson(run.configJson()));
    }

    /** A builder holding this spec's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder().setProject(project).setBaseModel(baseModel).setDataset(dataset).setTraining(training)
                .optDatasetFormat(datasetFormat).optEvalDataset(evalDataset).optEvalFraction(evalFraction)
                .optEvalSize(evalSize).optSkipBadRows(skipBadRows).optAccuracyData(accuracyData);
    }

    private static final Gson JSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    public String toJson() {
        return JSON.toJson(this);
    }

    public static RunSpec fromJson(String json) {
        return JSON.fromJson(json, RunSpec.class);
    }

    /**
     * Builds a {@link RunSpec}: project, base model, dataset and training settings are required;
     * without an eval file or size, {@link #DEFAULT_EVAL_FRACTION} of the dataset is held out.
     */
    public static final class Builder {
        private String project;
        private String baseModel;
        private String dataset;
        private String datasetFormat;
        private String evalDataset;
        private double evalFraction = DEFAULT_EVAL_FRACTION;
        private int evalSize;
        private boolean skipBadRows;
        private TrainingConfig training;
        private String accuracyData;

        private Builder() {
        }

        public Builder setProject(String project) {
            this.project = project;
            return this;
        }

        /** The base model's folder, as recorded (callers pass absolute paths). */
        public Builder setBaseModel(String baseModel) {
            this.baseModel = baseModel;
            return this;
        }

        public Builder setDataset(String dataset) {
            this.dataset = dataset;
            return this;
        }

        public Builder setTraining(TrainingConfig training) {
            this.training = training;
            return this;
        }

        /** A {@code DatasetFormat} name; null (the default) detects it from the file. */
        public Builder optDatasetFormat(String datasetFormat) {
            this.datasetFormat = datasetFormat;
            return this;
        }

        /** A file of held-out examples; null (the default) holds out part of the dataset instead. */
        public Builder optEvalDataset(String evalDataset) {
            this.evalDataset = evalDataset;
            return this;
        }

        public Builder optEvalFraction(double evalFraction) {
            this.evalFraction = evalFraction;
            return this;
        }

        /** Examples held out when there is no eval file; 0 (the default) holds out the eval fraction. */
        public Builder optEvalSize(int evalSize) {
            this.evalSize = evalSize;
            return this;
        }

        public Builder optSkipBadRows(boolean skipBadRows) {
            this.skipBadRows = skipBadRows;
            return this;
        }

        /** Questions with checkable answers that every iteration is scored on; null (the default) for none. */
        public Builder optAccuracyData(String accuracyData) {
            this.accuracyData = accuracyData;
            return this;
        }

        public RunSpec build() {
            if (project == null || baseModel == null || dataset == null || training == null) {
                throw new IllegalStateException("A run spec needs a project, a base model, a dataset and training"
                        + " settings.");
            }
            return new RunSpec(project, baseModel, dataset, datasetFormat, evalDataset, evalFraction, evalSize,
                    skipBadRows, training, accuracyData);
        }
    }
}
