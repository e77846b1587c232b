package org.spinworkbench.ui.demo;

import java.util.function.LongConsumer;
import org.spinworkbench.runs.DemoRecipe;
import org.spinworkbench.runs.RunOutcome;
import org.spinworkbench.train.Cancellation;
import org.spinworkbench.train.TrainingListener;

/**
 * Starts one arm of the workshop demo and returns when it ends. Called on the demo's own
 * background thread, never on the FX thread; {@code listener} hears the run as it goes and
 * {@code recorded} gets its id as soon as the workspace holds it.
 */
@FunctionalInterface
public interface DemoLauncher {
    RunOutcome run(DemoRecipe.Arm arm, TrainingListener listener, LongConsumer recorded, Cancellation cancellation)
            throws Exception;
}
