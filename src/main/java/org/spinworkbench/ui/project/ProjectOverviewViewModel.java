package org.spinworkbench.ui.project;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.spinworkbench.store.Project;
import org.spinworkbench.store.Projects;
import org.spinworkbench.ui.common.ErrorMessages;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.TaskExecutor;

/** One project's overview: what it is, where it lives, and its editable description. */
public final class ProjectOverviewViewModel {
    private final Projects projects;
    private final TaskExecutor executor;
    private final Messages messages;
    private final Consumer<String> status;
    private final Consumer<Project> onSaved;
    private final DateTimeFormatter timeFormat;

    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper folder = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper created = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper updated = new ReadOnlyStringWrapper("");
    private final StringProperty description = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final BooleanBinding descriptionChanged = Bindings.createBooleanBinding(
            () -> project.get() != null && !description.get().strip().equals(project.get().description()),
            project, description);

    /** {@code onSaved} gets the project as stored after a description change. */
    public ProjectOverviewViewModel(Projects projects, TaskExecutor executor, Messages messages,
                                    Consumer<String> status, Consumer<Project> onSaved, ZoneId zone) {
        this.projects = projects;
        this.executor = executor;
        this.messages = messages;
        this.status = status;
        this.onSaved = onSaved;
        this.timeFormat = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(messages.locale()).withZone(zone);
    }

    // Properties

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty folderProperty() {
        return folder.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty createdProperty() {
        return created.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty updatedProperty() {
        return updated.getReadOnlyProperty();
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    /** True while the edited description differs from the stored one. */
    public BooleanBinding descriptionChangedProperty() {
        return descriptionChanged;
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    // Commands

    /**
     * Shows {@code shown} (null for none). The same project shown again after a change
     * elsewhere (a rename) keeps an edited, unsaved description.
     */
    public void show(Project shown) {
        boolean keepEdit = shown != null && project.get() != null && project.get().id() == shown.id()
                && descriptionChanged.get();
        String edit = description.get();
        project.set(shown);
        name.set(shown == null ? "" : shown.name());
        folder.set(shown == null ? "" : projects.folderOf(shown).toString());
        created.set(shown == null ? "" : format(shown.createdAt()));
        updated.set(shown == null ? "" : format(shown.updatedAt()));
        description.set(keepEdit ? edit : shown == null ? "" : shown.description());
    }

    public void saveDescription() {
        Project current = project.get();
        if (current == null || !descriptionChanged.get() || saving.get()) {
            return;
        }
        saving.set(true);
        String text = description.get();
        executor.execute(() -> projects.describe(current, text), saved -> {
            saving.set(false);
            show(saved);
            status.accept(messages.get("status.descriptionSaved", saved.name()));
            onSaved.accept(saved);
        }, failure -> {
            saving.set(false);
            status.accept(messages.get("status.descriptionFailed", ErrorMessages.describe(failure, messages)));
        });
    }

    public void revertDescription() {
        Project current = project.get();
        description.set(current == null ? "" : current.description());
    }

    private String format(Instant instant) {
        return timeFormat.format(instant);
    }
}
