package org.spinworkbench.ui.project;

import org.spinworkbench.store.Run;

/**
 * A run as the project's run table lists it.
 *
 * @param iterations  iterations completed, of {@code planned}
 * @param live        true while the run trains in this window
 * @param lastMargin  the last held-out reward margin ({@code eval_rewards/margins}), or null
 */
public record RunRow(Run run, String started, int iterations, int planned, boolean live, Double lastMargin) {

    /** A run that neither trains here nor has completed can continue from its last checkpoint. */
    public boolean resumable() {
        return !live && run.status() != org.spinworkbench.store.RunStatus.COMPLETED;
    }
}
