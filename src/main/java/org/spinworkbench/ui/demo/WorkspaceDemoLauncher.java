package org.spinworkbench.ui.demo;

import java.util.function.LongConsumer;
import org.spinworkbench.runs.DemoRecipe;
import org.spinworkbench.runs.LiveRun;
import org.spinworkbench.runs.LiveRuns;
import org.spinworkbench.runs.RunOutcome;
import org.spinworkbench.train.Cancellation;
import org.spinworkbench.train.TrainingListener;

/**
 * The real demo, as {@code spin-workbench demo} runs it, one arm per call: the bundled model and tasks through
 * the window's {@link LiveRuns} into the open workspace, so it never trains beside another
 * run of the window. Finding the bundled files happens here too, off the FX thread.
 */
public final class WorkspaceDemoLauncher implements DemoLauncher {
    public static final int ITERATIONS = 3;

    private final LiveRuns liveRuns;

    public WorkspaceDemoLauncher(LiveRuns liveRuns) {
        this.liveRuns = liveRuns;
    }

    @Override
    public RunOutcome run(DemoRecipe.Arm arm, TrainingListener listener, LongConsumer recorded,
                          Cancellation cancellation) throws Exception {
        // IllegalArgumentException with a sentence for the user when the files are missing
        var sampleData = DemoRecipe.locateSampleData(DemoRecipe.applicationJar());
        listener.log("Demo files: " + sampleData);
        LiveRun live = liveRuns.start(arm.spec(sampleData, ITERATIONS), cancellation);
        live.runId().thenAccept(recorded::accept);
        LiveRun.Snapshot joined = live.addListener(listener);
        joined.log().forEach(listener::log);
        try {
            return live.outcome().get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
