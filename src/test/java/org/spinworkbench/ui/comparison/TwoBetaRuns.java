package org.spinworkbench.ui.comparison;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Path;
import org.spinworkbench.runs.RunOutcome;
import org.spinworkbench.runs.RunService;
import org.spinworkbench.runs.TinyRuns;
import org.spinworkbench.store.RunStatus;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.Cancellation;
import org.spinworkbench.train.TrainingConfig;
import org.spinworkbench.train.TrainingListener;

/** Two real tiny SPIN runs of project "Tiny" to compare: two iterations at β 0.1, then one at β 0.3. */
record TwoBetaRuns(long first, long second) {

    static TwoBetaRuns record(Workspace workspace, Path dir) throws IOException {
        long first = TinyRuns.completedRun(workspace, dir, 2).runId();
        TrainingConfig c = TinyRuns.config(1, 0);
        TrainingConfig otherBeta = c.toBuilder().optBeta(0.3).build();
        RunOutcome second = new RunService(workspace, Device.cpu()).start(
                TinyRuns.spec(dir.resolve("base-model"), dir.resolve("sums.jsonl"), otherBeta),
                TrainingListener.NONE, new Cancellation());
        if (second.status() != RunStatus.COMPLETED) {
            throw new IllegalStateException("The β 0.3 run did not complete: " + second.message());
        }
        return new TwoBetaRuns(first, second.runId());
    }
}
