package org.spinworkbench.ui.main;

import java.util.List;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.spinworkbench.runs.LiveRuns;
import org.spinworkbench.store.Project;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.TaskExecutor;
import org.spinworkbench.ui.compare.CompareWindow;
import org.spinworkbench.ui.comparison.RunComparisonWindow;
import org.spinworkbench.ui.dashboard.DashboardWindow;
import org.spinworkbench.ui.export.ExportDialog;
import org.spinworkbench.ui.job.ClusterJobDialog;
import org.spinworkbench.ui.project.RunScreens;
import org.spinworkbench.ui.wizard.TrainingWizard;

/**
 * The windows the main window opens for runs: the wizard, dashboards, the compare view, export
 * and cluster-job dialogs, run comparisons. Each opens on the FX thread, owned by the main
 * window's stage, in the language shown now; {@code runsChanged} relists the project's runs.
 */
final class RunWindows implements RunScreens {
    private final Stage owner;
    private final Workspace workspace;
    private final LiveRuns liveRuns;
    private final TaskExecutor executor;
    private final Supplier<Messages> messages;
    private final Runnable runsChanged;

    RunWindows(Stage owner, LiveRuns liveRuns, TaskExecutor executor, Supplier<Messages> messages,
               Runnable runsChanged) {
        this.owner = owner;
        this.workspace = liveRuns.workspace();
        this.liveRuns = liveRuns;
        this.executor = executor;
        this.messages = messages;
        this.runsChanged = runsChanged;
    }

    @Override
    public void newRun(Project project) {
        assert Platform.isFxApplicationThread();
        new TrainingWizard(owner, liveRuns, executor, messages.get(), project, runId -> {
            runsChanged.run();
            openDashboard(runId);
        }).show();
    }

    @Override
    public void openDashboard(long runId) {
        assert Platform.isFxApplicationThread();
        // one window per run: asking again brings the open one to the front
        DashboardWindow.find(runId)
                .orElseGet(() -> new DashboardWindow(owner, liveRuns, executor, messages.get(), runId, runsChanged))
                .show();
    }

    @Override
    public void compareResponses(long runId) {
        assert Platform.isFxApplicationThread();
        new CompareWindow(owner, workspace, executor, messages.get(), runId).show();
    }

    @Override
    public void exportRun(long runId) {
        assert Platform.isFxApplicationThread();
        new ExportDialog(owner, workspace, executor, messages.get(), runId, liveRuns.device()).show();
    }

    @Override
    public void importClusterJob() {
        assert Platform.isFxApplicationThread();
        ClusterJobDialog.importing(owner, workspace, executor, messages.get(), liveRuns.device(), runsChanged).show();
    }

    @Override
    public void compareRuns(Project project) {
        assert Platform.isFxApplicationThread();
        new RunComparisonWindow(owner, workspace, executor, messages.get(), project).show();
    }

    /**
     * The dashboards, compare windows and run comparisons open beside the main window are built
     * for one language: each is closed and opened again on the same run or project.
     */
    void reopenInTheNewLanguage() {
        for (Window open : List.copyOf(Window.getWindows())) {
            Object shown = open.getUserData();
            if (shown instanceof DashboardWindow dashboard) {
                open.hide();
                openDashboard(dashboard.runId());
            } else if (shown instanceof CompareWindow compare) {
                open.hide();
                compareResponses(compare.runId());
            } else if (shown instanceof RunComparisonWindow comparison) {
                open.hide();
                compareRuns(comparison.project());
            }
        }
    }
}
