package org.spinworkbench.ui.export;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.Styles;

/** Asks before an export writes over a folder with files in it, or over an existing file. */
final class ReplaceConfirmation {
    private final Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
    private final ButtonType replace;

    ReplaceConfirmation(Window owner, Messages messages, String question) {
        alert.initOwner(owner);
        alert.setTitle(messages.get("export.replace.title"));
        alert.setHeaderText(question);
        alert.setContentText(messages.get("export.replace.content"));
        alert.getDialogPane().setId("exportReplaceConfirmation");
        Styles.apply(alert.getDialogPane());
        alert.getDialogPane().setPrefWidth(480);
        replace = new ButtonType(messages.get("export.replace.confirm"), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(messages.get("export.replace.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(replace, keep);
        alert.getDialogPane().lookupButton(replace).setId("exportReplaceConfirm");
        alert.getDialogPane().lookupButton(keep).setId("exportReplaceKeep");
        // Enter keeps the files: what is there may be someone's only copy.
        ((Button) alert.getDialogPane().lookupButton(replace)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
    }

    /** Shows the question without blocking; exactly one of the two runs once it is answered. */
    void show(Runnable onReplace, Runnable onKeep) {
        alert.setOnHidden(event -> (alert.getResult() == replace ? onReplace : onKeep).run());
        alert.show();
    }
}
