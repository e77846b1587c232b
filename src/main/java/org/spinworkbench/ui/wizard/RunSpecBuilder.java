package org.spinworkbench.ui.wizard;

import java.nio.file.Path;
import java.util.Objects;
import org.spinworkbench.data.ProblemPolicy;
import org.spinworkbench.runs.RunSpec;
import org.spinworkbench.train.TrainingConfig;

/**
 * Turns the wizard's choices into the {@link RunSpec} a run is started from and recorded
 * with: absolute paths (the run may be resumed from another working folder), the format
 * actually read rather than "detect" (the run reads its files as the wizard previewed them),
 * and exactly one way of choosing the evaluation examples.
 */
public final class RunSpecBuilder {
    private RunSpecBuilder() {
    }

    public static RunSpec build(String project, Path baseModel, DataChoice data, TrainingConfig training) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(data.format(), "format");
        if (training.raw() != data.raw()) {
            throw new IllegalArgumentException("The training settings and the data disagree on the chat template.");
        }
        String eval = null;
        double fraction = RunSpec.DEFAULT_EVAL_FRACTION;
        int size = 0;
        switch (data.split()) {
            case EVAL_FILE -> eval = absolute(Objects.requireNonNull(data.evalDataset(), "evalDataset"));
            case FRACTION -> fraction = data.evalFraction();
            case SIZE -> size = data.evalSize();
        }
        return RunSpec.builder()
                .setProject(project)
                .setBaseModel(absolute(baseModel))
                .setDataset(absolute(data.dataset()))
                .setTraining(training)
                .optDatasetFormat(data.format().name())
                .optEvalDataset(eval)
                .optEvalFraction(fraction)
                .optEvalSize(size)
                .optSkipBadRows(data.policy() == ProblemPolicy.SKIP)
                .optAccuracyData(data.accuracyData() == null ? null : absolute(data.accuracyData()))
                .build();
    }

    private static String absolute(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }
}
