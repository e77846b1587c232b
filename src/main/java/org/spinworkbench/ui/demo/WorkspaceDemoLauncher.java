package org.spinworkbench.ui.demo;

import org.spinworkbench.lm.ComputeDevice;
import org.spinworkbench.runs.DemoRecipe;
import org.spinworkbench.runs.RunOutcome;
import org.spinworkbench.runs.RunService;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.Cancellation;
import org.spinworkbench.train.TrainingListener;

/**
 * The real demo, as {@code spin-workbench demo} runs it: the bundled model and tasks through
 * {@link RunService} into the open workspace, on the best device. Finding the bundled files
 * and starting the engine happen here too, so they stay off the FX thread.
 */
public final class WorkspaceDemoLauncher implements DemoLauncher {
    public static final int ITERATIONS = 3;

    private final Workspace workspace;

    public WorkspaceDemoLauncher(Workspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public RunOutcome run(TrainingListener listener, Cancellation cancellation) throws Exception {
        // IllegalArgumentException with a sentence for the user when the files are missing
        var sampleData = DemoRecipe.locateSampleData(DemoRecipe.applicationJar());
        ComputeDevice device = ComputeDevice.select(ComputeDevice.Choice.AUTO, 0);
        listener.log("Device: " + device.describe() + "; demo files: " + sampleData);
        return new RunService(workspace, device.device())
                .start(DemoRecipe.spec(sampleData, ITERATIONS), listener, cancellation);
    }
}
