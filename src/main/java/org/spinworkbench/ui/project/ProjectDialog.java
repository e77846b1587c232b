package org.spinworkbench.ui.project;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.Styles;

/**
 * The New Project dialog (name and description) or the Rename Project dialog (name only).
 * OK stays enabled only for a usable name, and the dialog stays open until the store has
 * accepted it, showing the store's refusal under the name.
 */
public final class ProjectDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();

    private ProjectDialog(Window owner, Messages messages, ProjectDialogViewModel viewModel, boolean withDescription,
                          String title, String header) {
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.getDialogPane().setId("projectDialog");
        Styles.apply(dialog.getDialogPane());
        dialog.getDialogPane().getStyleClass().add("project-dialog");

        TextField nameField = new TextField();
        nameField.setId("projectNameField");
        nameField.setPromptText(messages.get("project.name.prompt"));
        nameField.textProperty().bindBidirectional(viewModel.nameProperty());

        Label error = new Label();
        error.setId("projectNameError");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        VBox form = new VBox(6, new Label(messages.get("project.name.label")), nameField, error);
        if (withDescription) {
            TextArea descriptionField = new TextArea();
            descriptionField.setId("projectDescriptionField");
            descriptionField.setPromptText(messages.get("project.description.prompt"));
            descriptionField.setPrefRowCount(4);
            descriptionField.setWrapText(true);
            descriptionField.textProperty().bindBidirectional(viewModel.descriptionProperty());
            form.getChildren().addAll(new Label(messages.get("project.description.label")), descriptionField);
        }
        form.setPrefWidth(420);
        dialog.getDialogPane().setContent(form);

        ButtonType ok = new ButtonType(messages.get("button.ok"), ButtonType.OK.getButtonData());
        ButtonType cancel = new ButtonType(messages.get("button.cancel"), ButtonType.CANCEL.getButtonData());
        dialog.getDialogPane().getButtonTypes().setAll(ok, cancel);
        Button okButton = (Button) dialog.getDialogPane().lookupButton(ok);
        okButton.setId("projectDialogOk");
        okButton.disableProperty().bind(viewModel.cannotSubmit());
        dialog.getDialogPane().lookupButton(cancel).setId("projectDialogCancel");
        // OK does the work first and closes only when the store has said yes.
        okButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            viewModel.submit(() -> {
                dialog.setResult(ok);
                dialog.close();
            });
        });
        dialog.setOnShown(event -> Platform.runLater(nameField::requestFocus));
    }

    public static ProjectDialog forNewProject(Window owner, Messages messages, ProjectDialogViewModel viewModel) {
        return new ProjectDialog(owner, messages, viewModel, true,
                messages.get("dialog.newProject.title"), messages.get("dialog.newProject.header"));
    }

    public static ProjectDialog forRename(Window owner, Messages messages, ProjectDialogViewModel viewModel,
                                          String currentName) {
        return new ProjectDialog(owner, messages, viewModel, false,
                messages.get("dialog.renameProject.title"), messages.get("dialog.renameProject.header", currentName));
    }

    /** Shows the dialog without blocking: the view model does the work when OK is pressed. */
    public void show() {
        dialog.show();
    }
}
