package org.spinworkbench.ui.main;

import java.time.ZoneId;
import java.util.function.LongPredicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.ui.common.ErrorMessages;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.TaskExecutor;
import org.spinworkbench.ui.common.UiSettings;
import org.spinworkbench.ui.explorer.ProjectExplorerViewModel;
import org.spinworkbench.ui.project.ProjectOverviewViewModel;
import org.spinworkbench.ui.project.ProjectRunsViewModel;

/** The main window's state: the explorer, the overview of the selected project and the status bar. */
public final class MainViewModel {
    /** What the centre of the window shows. */
    public enum Centre { LOADING, EMPTY_WORKSPACE, NO_SELECTION, PROJECT }

    private final StatusBarViewModel status;
    private final ProjectExplorerViewModel explorer;
    private final ProjectOverviewViewModel overview;
    private final ProjectRunsViewModel runs;
    private final ObjectBinding<Centre> centre;
    private final Workspace workspace;
    private final TaskExecutor executor;
    private final Messages messages;

    /** {@code live} tells whether a run id is training in this window now. */
    public MainViewModel(Workspace workspace, TaskExecutor executor, Messages messages, ZoneId zone, LongPredicate live) {
        this.workspace = workspace;
        this.executor = executor;
        this.messages = messages;
        status = new StatusBarViewModel(messages, workspace.folder().toString());
        // where the window's runs compute: the device chosen in the settings
        status.detectDevice(executor, () -> new UiSettings(workspace.settings()).device().select());
        explorer = new ProjectExplorerViewModel(workspace.projects(), executor, messages, status::report);
        status.projectCountProperty().bind(Bindings.size(explorer.projects()));
        overview = new ProjectOverviewViewModel(workspace.projects(), executor, messages, status::report,
                explorer::refresh, zone);
        runs = new ProjectRunsViewModel(workspace, executor, messages, status::report, live, zone);
        explorer.selectedProjectProperty().addListener((observable, before, now) -> {
            overview.show(now);
            if (now == null || runs.project() == null || runs.project().id() != now.id()) {
                runs.show(now);
            }
        });
        centre = Bindings.createObjectBinding(this::computeCentre,
                explorer.loadedProperty(), explorer.projects(), explorer.selectedProjectProperty());
    }

    public StatusBarViewModel status() {
        return status;
    }

    public ProjectExplorerViewModel explorer() {
        return explorer;
    }

    public ProjectOverviewViewModel overview() {
        return overview;
    }

    /** The runs of the selected project. */
    public ProjectRunsViewModel runs() {
        return runs;
    }

    public ObjectBinding<Centre> centreProperty() {
        return centre;
    }

    /** Loads the project list, selecting {@code selectId} if given, and shows {@code message}. */
    public void load(Long selectId, String message) {
        status.report(message);
        explorer.reload(selectId);
    }

    private Centre computeCentre() {
        if (!explorer.loadedProperty().get()) {
            return Centre.LOADING;
        }
        if (explorer.projects().isEmpty()) {
            return Centre.EMPTY_WORKSPACE;
        }
        return explorer.selectedProject() == null ? Centre.NO_SELECTION : Centre.PROJECT;
    }


    /**
     * Lists the project named {@code name}, selected, once the workspace has it (a run just
     * recorded it), with run {@code runId} selected in its overview when not null.
     */
    public void showProject(String name, Long runId) {
        if (runId != null) {
            runs.selectWhenListed(runId);
        }
        executor.execute(() -> workspace.projects().find(name),
                found -> found.ifPresentOrElse(explorer::refresh, () -> explorer.reload(null)),
                failure -> status.report(messages.get("status.loadFailed", ErrorMessages.describe(failure, messages))));
    }
}
