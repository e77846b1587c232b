package org.spinworkbench.ui.project;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.spinworkbench.store.Project;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.Styles;

/** Asks before a project, everything recorded under it and its folder are deleted. */
public final class DeleteProjectConfirmation {
    private final Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
    private final ButtonType delete;

    public DeleteProjectConfirmation(Window owner, Messages messages, Project project, String folder) {
        alert.initOwner(owner);
        alert.setTitle(messages.get("dialog.deleteProject.title"));
        alert.setHeaderText(messages.get("dialog.deleteProject.header", project.name()));
        alert.setContentText(messages.get("dialog.deleteProject.content", folder));
        alert.getDialogPane().setId("deleteConfirmation");
        Styles.apply(alert.getDialogPane());
        alert.getDialogPane().setPrefWidth(480);
        delete = new ButtonType(messages.get("button.delete"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(delete, cancel);
        alert.getDialogPane().lookupButton(delete).setId("deleteConfirmOk");
        alert.getDialogPane().lookupButton(cancel).setId("deleteConfirmCancel");
        // Enter must not delete: the safe answer is the default one.
        ((Button) alert.getDialogPane().lookupButton(delete)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
    }

    /** Shows the question without blocking; {@code onConfirmed} runs only if the user chose Delete. */
    public void show(Runnable onConfirmed) {
        alert.setOnHidden(event -> {
            if (alert.getResult() == delete) {
                onConfirmed.run();
            }
        });
        alert.show();
    }
}
