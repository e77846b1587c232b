package org.spinworkbench.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.store.Iteration;
import org.spinworkbench.store.Split;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.TrainingConfig;

/** The wizard's time estimate: scaled from this workspace's latest iteration of the same model, or none. */
class RunTimeEstimateTest {
    @TempDir
    Path dir;

    @Test
    void scaledFromTheLatestIterationOfTheSameModelOrNotGivenAtAll() throws Exception {
        try (Workspace workspace = Workspace.open(dir.resolve("ws"))) {
            Path model = dir.resolve("base-model"); // where completedRun puts its model
            RunSpec next = TinyRuns.spec(model, dir.resolve("sums.jsonl"), TinyRuns.config(1, 0).toBuilder()
                    .optIterations(3).optEpochs(5).build());
            assertEquals(Optional.empty(), RunTimeEstimate.of(workspace, next, 20), "no run of this model yet");

            long run = TinyRuns.completedRun(workspace, dir, 2).runId();
            Iteration last = workspace.iterations().find(run, 2).orElseThrow();
            int examples = workspace.samples().count(last.id(), Split.TRAIN);
            long measured = Duration.between(last.startedAt(), last.finishedAt()).toMillis();
            int epochs = TinyRuns.config(2, 2).epochs();

            RunTimeEstimate estimate = RunTimeEstimate.of(workspace, next, 2 * examples).orElseThrow();
            assertEquals(run, estimate.basisRun());
            // twice the examples, 1 + 5 passes an example instead of 1 + epochs, three iterations
            assertEquals(Math.round(measured * 2.0 * (1 + 5) / (1 + epochs) * 3), estimate.total().toMillis(), 1);
            assertTrue(estimate.total().toMillis() > 0);

            RunSpec otherModel = TinyRuns.spec(dir.resolve("another-model"), dir.resolve("sums.jsonl"), next.training());
            assertEquals(Optional.empty(), RunTimeEstimate.of(workspace, otherModel, 20), "another model says nothing");
            RunSpec sft = TinyRuns.spec(model, dir.resolve("sums.jsonl"), next.training().toBuilder()
                    .setKind(TrainingConfig.Kind.SFT).build());
            assertEquals(Optional.empty(), RunTimeEstimate.of(workspace, sft, 20), "self-play times only");
        }
    }
}
