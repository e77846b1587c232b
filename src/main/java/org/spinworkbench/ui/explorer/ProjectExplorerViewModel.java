package org.spinworkbench.ui.explorer;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.spinworkbench.store.DuplicateNameException;
import org.spinworkbench.store.Project;
import org.spinworkbench.store.ProjectNames;
import org.spinworkbench.store.Projects;
import org.spinworkbench.ui.common.ErrorMessages;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.TaskExecutor;

/**
 * The workspace's projects, sorted by name, the one selected, and the commands that change
 * them. Every store call goes through the {@link TaskExecutor}; the list is replaced from the
 * store after each change so it always shows what is on disk.
 */
public final class ProjectExplorerViewModel {
    private final Projects projects;
    private final TaskExecutor executor;
    private final Messages messages;
    private final Consumer<String> status;

    private final ObservableList<Project> projectList = FXCollections.observableArrayList();
    private final ObservableList<Project> readOnlyProjects = FXCollections.unmodifiableObservableList(projectList);
    private final ReadOnlyObjectWrapper<Project> selectedProject = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private boolean replacingList;

    /** {@code status} receives one sentence after each command, for the status bar. */
    public ProjectExplorerViewModel(Projects projects, TaskExecutor executor, Messages messages,
                                    Consumer<String> status) {
        this.projects = projects;
        this.executor = executor;
        this.messages = messages;
        this.status = status;
    }

    // Properties

    public ObservableList<Project> projects() {
        return readOnlyProjects;
    }

    public ReadOnlyObjectProperty<Project> selectedProjectProperty() {
        return selectedProject.getReadOnlyProperty();
    }

    public Project selectedProject() {
        return selectedProject.get();
    }

    /** False until the first list has come back from the store. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    // Commands

    /** Shows {@code project}'s overview; the view calls this when its selection changes. */
    public void select(Project project) {
        if (!replacingList) {
            selectedProject.set(project);
        }
    }

    /** Reads the list from the store, keeping the selection on the project with {@code selectId} (or none). */
    public void reload(Long selectId) {
        executor.execute(projects::list, list -> show(list, selectId),
                failure -> status.accept(messages.get("status.loadFailed", describe(failure))));
    }

    /**
     * Why {@code name} cannot be used for a new project, or for {@code renaming} (null when
     * creating); empty when it can. Checked as the user types, against the loaded list.
     */
    public Optional<String> nameProblem(String name, Project renaming) {
        String trimmed = name == null ? "" : name.strip();
        Optional<ProjectNames.Problem> problem = ProjectNames.problem(trimmed);
        if (problem.isPresent()) {
            return Optional.of(switch (problem.get()) {
                case EMPTY -> messages.get("project.name.empty");
                case TOO_LONG -> messages.get("project.name.tooLong", ProjectNames.MAX_LENGTH);
                case CONTROL_CHARACTERS -> messages.get("project.name.controlCharacters");
            });
        }
        String key = ProjectNames.key(trimmed);
        boolean taken = projectList.stream()
                .anyMatch(p -> (renaming == null || p.id() != renaming.id()) && ProjectNames.key(p.name()).equals(key));
        return taken ? Optional.of(messages.get("project.name.duplicate", trimmed)) : Optional.empty();
    }

    /** Creates a project and selects it; {@code onError} gets the sentence to show in the dialog. */
    public void create(String name, String description, Runnable onDone, Consumer<String> onError) {
        executor.execute(() -> {
            Project created = projects.create(name, description);
            return new Change(created, projects.list());
        }, change -> {
            show(change.list(), change.project().id());
            status.accept(messages.get("status.created", change.project().name()));
            onDone.run();
        }, failure -> onError.accept(describeNameFailure(failure, name)));
    }

    public void rename(Project project, String newName, Runnable onDone, Consumer<String> onError) {
        executor.execute(() -> {
            Project renamed = projects.rename(project, newName);
            return new Change(renamed, projects.list());
        }, change -> {
            show(change.list(), change.project().id());
            status.accept(messages.get("status.renamed", project.name(), change.project().name()));
            onDone.run();
        }, failure -> onError.accept(describeNameFailure(failure, newName)));
    }

    /** Deletes the project, its records and its folder; the selection moves to none. */
    public void delete(Project project) {
        executor.execute(() -> {
            projects.delete(project);
            return projects.list();
        }, list -> {
            show(list, null);
            status.accept(messages.get("status.deleted", project.name()));
        }, failure -> {
            status.accept(messages.get("status.deleteFailed", project.name(), describe(failure)));
            reload(null);
        });
    }

    /** Takes a project changed elsewhere (its description) back into the list. */
    public void refresh(Project changed) {
        reload(changed.id());
    }

    private void show(List<Project> list, Long selectId) {
        replacingList = true;
        try {
            projectList.setAll(list);
        } finally {
            replacingList = false;
        }
        selectedProject.set(selectId == null ? null
                : list.stream().filter(p -> p.id() == selectId).findFirst().orElse(null));
        loaded.set(true);
    }

    private String describeNameFailure(Exception failure, String name) {
        if (failure instanceof DuplicateNameException) {
            return messages.get("project.name.duplicate", name.strip());
        }
        return describe(failure);
    }

    private String describe(Exception failure) {
        return ErrorMessages.describe(failure, messages);
    }

    private record Change(Project project, List<Project> list) {
    }
}
