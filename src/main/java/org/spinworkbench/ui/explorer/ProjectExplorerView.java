package org.spinworkbench.ui.explorer;

import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.spinworkbench.store.Project;
import org.spinworkbench.ui.common.Messages;

/** The project list on the left, with its toolbar and context menu. */
public final class ProjectExplorerView extends VBox {

    public ProjectExplorerView(ProjectExplorerViewModel viewModel, ProjectActions actions, Messages messages) {
        setId("projectExplorer");
        getStyleClass().add("project-explorer");
        BooleanBinding noSelection = viewModel.selectedProjectProperty().isNull();

        Label heading = new Label(messages.get("explorer.heading"));
        heading.getStyleClass().add("explorer-heading");

        Button create = toolButton(messages.get("explorer.new"), messages.get("explorer.new.tooltip"),
                "newProjectButton");
        create.setOnAction(event -> actions.newProject());
        Button rename = toolButton(messages.get("explorer.rename"), messages.get("explorer.rename.tooltip"),
                "renameProjectButton");
        rename.disableProperty().bind(noSelection);
        rename.setOnAction(event -> actions.renameSelected());
        Button delete = toolButton(messages.get("explorer.delete"), messages.get("explorer.delete.tooltip"),
                "deleteProjectButton");
        delete.disableProperty().bind(noSelection);
        delete.setOnAction(event -> actions.deleteSelected());
        ToolBar toolBar = new ToolBar(create, rename, delete);

        ListView<Project> list = new ListView<>(viewModel.projects());
        list.setId("projectList");
        list.setPlaceholder(new Label(messages.get("explorer.empty")));
        list.setCellFactory(view -> new ProjectCell());
        list.getSelectionModel().selectedItemProperty()
                .addListener((observable, before, now) -> viewModel.select(now));
        viewModel.selectedProjectProperty().addListener((observable, before, now) -> {
            if (now == null) {
                list.getSelectionModel().clearSelection();
            } else if (!now.equals(list.getSelectionModel().getSelectedItem())) {
                list.getSelectionModel().select(now);
                list.scrollTo(now);
            }
        });
        list.setContextMenu(contextMenu(actions, messages, noSelection));
        VBox.setVgrow(list, Priority.ALWAYS);

        getChildren().addAll(heading, toolBar, list);
    }

    private static Button toolButton(String text, String tooltip, String id) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tooltip));
        return button;
    }

    private static ContextMenu contextMenu(ProjectActions actions, Messages messages, BooleanBinding noSelection) {
        MenuItem create = new MenuItem(messages.get("menu.file.newProject"));
        create.setOnAction(event -> actions.newProject());
        MenuItem rename = new MenuItem(messages.get("menu.file.renameProject"));
        rename.disableProperty().bind(noSelection);
        rename.setOnAction(event -> actions.renameSelected());
        MenuItem delete = new MenuItem(messages.get("menu.file.deleteProject"));
        delete.disableProperty().bind(noSelection);
        delete.setOnAction(event -> actions.deleteSelected());
        return new ContextMenu(create, rename, delete);
    }

    /** Shows a project by its name, with its description as a tooltip. */
    private static final class ProjectCell extends ListCell<Project> {
        @Override
        protected void updateItem(Project project, boolean empty) {
            super.updateItem(project, empty);
            setText(empty || project == null ? null : project.name());
            setTooltip(empty || project == null || project.description().isBlank() ? null
                    : new Tooltip(project.description()));
        }
    }
}
