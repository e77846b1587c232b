package org.spinworkbench.ui.project;

import org.spinworkbench.store.Project;

/**
 * The screens a project's runs open: the main window implements them, so the overview only
 * says what the user asked for. Called on the FX thread.
 */
public interface RunScreens {
    /** The training wizard, for a new run in {@code project}. */
    void newRun(Project project);

    /** The live dashboard of a run: curves, progress, cancel and resume, log. */
    void openDashboard(long runId);

    /** The real and synthetic responses of a run's iterations, side by side. */
    void compareResponses(long runId);

    /** Export of an iteration's checkpoint or dataset. */
    void exportRun(long runId);

    /** The runs of {@code project} overlaid on one another. */
    void compareRuns(Project project);

    /** Opens the dialog that brings back an iteration a cluster job trained. */
    void importClusterJob();
}
