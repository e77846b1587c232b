package org.spinworkbench.ui.demo;

import org.spinworkbench.runs.RunOutcome;
import org.spinworkbench.train.Cancellation;
import org.spinworkbench.train.TrainingListener;

/**
 * Starts the workshop demo's run and returns when it ends. Called on the demo's own
 * background thread, never on the FX thread; {@code listener} hears the run as it goes.
 */
@FunctionalInterface
public interface DemoLauncher {
    RunOutcome run(TrainingListener listener, Cancellation cancellation) throws Exception;
}
