package org.spinworkbench.runs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spinworkbench.train.TrainingConfig;

/**
 * The workshop demo: SPIN on the bundled weak model and the bundled checkable tasks, with
 * settings that finish three iterations in a few minutes on a laptop CPU. See
 * docs/results.md for how they were chosen and what they do.
 */
public final class DemoRecipe {
    public static final String PROJECT = "Workshop demo";
    public static final String MODEL_FOLDER = "demo-model";
    public static final String TASKS_FOLDER = "demo-tasks";
    /** Where to look for the bundled files when not given: this system property, then the folders below. */
    public static final String SAMPLE_DATA_PROPERTY = "spinwb.sampleData";

    private DemoRecipe() {
    }

    /** The demo's two runs from the same base and prompts: self-play, and continued SFT as the control. */
    public enum Arm {
        SPIN, CONTROL;

        /** This arm's run of the demo. */
        public RunSpec spec(Path sampleData, int iterations) {
            return this == SPIN ? DemoRecipe.spec(sampleData, iterations) : controlSpec(sampleData, iterations);
        }

        /**
         * Passes over the training data the model of {@code iteration} has had: SPIN's iteration t
         * has had t × the recipe's epochs, the control's model all of them (its one iteration).
         */
        public int passes(int iteration, int iterations) {
            int epochs = training(iterations).epochs();
            return this == SPIN ? iteration * epochs : iteration == 0 ? 0 : iterations * epochs;
        }
    }

    /** The demo's training settings. */
    public static TrainingConfig training(int iterations) {
        return TrainingConfig.builder()
                .optIterations(iterations)
                .optEpochs(2)
                .optLearningRate(2e-5)
                .optBatchSize(16)
                .optLengths(128, 64)
                .optMaxNewTokens(16)
                .optSeed(42)
                .optSaveSteps(20)
                .build();
    }

    /** The run: the bundled model on the bundled training tasks, scored on the test tasks. */
    public static RunSpec spec(Path sampleData, int iterations) {
        return spec(sampleData, training(iterations));
    }

    /**
     * The control arm: continued SFT of the same base on the same prompts and real answers,
     * with the SPIN recipe's optimiser settings and as many passes over the data as its
     * iterations make together.
     */
    public static RunSpec controlSpec(Path sampleData, int iterations) {
        TrainingConfig spin = training(iterations);
        TrainingConfig sft = spin.toBuilder()
                .setKind(TrainingConfig.Kind.SFT)
                .optIterations(1)
                .optEpochs(iterations * spin.epochs())
                .build();
        return spec(sampleData, sft);
    }

    private static RunSpec spec(Path sampleData, TrainingConfig training) {
        Path tasks = sampleData.resolve(TASKS_FOLDER);
        String test = tasks.resolve("test.jsonl").toAbsolutePath().toString();
        return RunSpec.builder()
                .setProject(PROJECT)
                .setBaseModel(sampleData.resolve(MODEL_FOLDER).toAbsolutePath().toString())
                .setDataset(tasks.resolve("train.jsonl").toAbsolutePath().toString())
                .setTraining(training)
                .optDatasetFormat("PROMPT_RESPONSE")
                .optEvalDataset(test)
                .optAccuracyData(test)
                .build();
    }

    /**
     * The sample-data folder: the system property when set (and then only it), else
     * {@code sample-data} in the working folder, else beside or above the application's jar.
     */
    public static Path locateSampleData(Path applicationJar) {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty(SAMPLE_DATA_PROPERTY);
        if (property != null) {
            candidates.add(Path.of(property));
        } else {
            candidates.add(Path.of("sample-data"));
        }
        if (property == null && applicationJar != null && applicationJar.getParent() != null) {
            candidates.add(applicationJar.getParent().resolve("sample-data"));
            if (applicationJar.getParent().getParent() != null) {
                candidates.add(applicationJar.getParent().getParent().resolve("sample-data"));
            }
        }
        for (Path candidate : candidates) {
            if (Files.isDirectory(candidate.resolve(MODEL_FOLDER)) && Files.isDirectory(candidate.resolve(TASKS_FOLDER))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalArgumentException("The demo's model and tasks were not found (looked in " + candidates
                + "). Run from the project folder, or set -D" + SAMPLE_DATA_PROPERTY + "=DIR.");
    }

    /** The jar (or classes folder) this code was loaded from. */
    public static Path applicationJar() {
        try {
            return Path.of(DemoRecipe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            return null;
        }
    }
}
