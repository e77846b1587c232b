package org.spinworkbench.ui.explorer;

import javafx.application.Platform;
import javafx.stage.Window;
import org.spinworkbench.store.Project;
import org.spinworkbench.store.Projects;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.SafeConfirmation;
import org.spinworkbench.ui.project.ProjectDialog;
import org.spinworkbench.ui.project.ProjectDialogViewModel;

/** New, Rename and Delete, as the menu, the explorer's toolbar and the empty state offer them. */
public final class ProjectActions {
    private final Window owner;
    private final Messages messages;
    private final ProjectExplorerViewModel explorer;
    private final Projects projects;

    public ProjectActions(Window owner, Messages messages, ProjectExplorerViewModel explorer, Projects projects) {
        this.owner = owner;
        this.messages = messages;
        this.explorer = explorer;
        this.projects = projects;
    }

    public void newProject() {
        assert Platform.isFxApplicationThread();
        var viewModel = new ProjectDialogViewModel("", name -> explorer.nameProblem(name, null),
                explorer::create);
        ProjectDialog.forNewProject(owner, messages, viewModel).show();
    }

    public void renameSelected() {
        assert Platform.isFxApplicationThread();
        Project project = explorer.selectedProject();
        if (project == null) {
            return;
        }
        var viewModel = new ProjectDialogViewModel(project.name(), name -> explorer.nameProblem(name, project),
                (name, description, onDone, onError) -> explorer.rename(project, name, onDone, onError));
        ProjectDialog.forRename(owner, messages, viewModel, project.name()).show();
    }

    public void deleteSelected() {
        assert Platform.isFxApplicationThread();
        Project project = explorer.selectedProject();
        if (project == null) {
            return;
        }
        // folderOf only resolves a path: no disk access on the FX thread.
        String folder = projects.folderOf(project).toString();
        new SafeConfirmation(owner, SafeConfirmation.Texts.named("delete", messages.get("dialog.deleteProject.title"),
                messages.get("dialog.deleteProject.header", project.name()),
                messages.get("dialog.deleteProject.content", folder), messages.get("button.delete"),
                messages.get("button.cancel"))).show(() -> explorer.delete(project));
    }
}
