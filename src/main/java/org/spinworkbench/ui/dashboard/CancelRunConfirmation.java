package org.spinworkbench.ui.dashboard;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.Styles;

/** Asks before Cancel stops a run that is training. */
final class CancelRunConfirmation {
    private final Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
    private final ButtonType stop;

    CancelRunConfirmation(Window owner, Messages messages) {
        alert.initOwner(owner);
        alert.setTitle(messages.get("dashboard.stop.title"));
        alert.setHeaderText(messages.get("dashboard.stop.header"));
        alert.setContentText(messages.get("dashboard.stop.content"));
        alert.getDialogPane().setId("cancelRunConfirmation");
        Styles.apply(alert.getDialogPane());
        alert.getDialogPane().setPrefWidth(460);
        stop = new ButtonType(messages.get("dashboard.stop.confirm"), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(messages.get("dashboard.stop.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(stop, keep);
        alert.getDialogPane().lookupButton(stop).setId("cancelRunConfirm");
        alert.getDialogPane().lookupButton(keep).setId("cancelRunKeep");
        // Enter keeps the run going: minutes of training are not stopped by a stray key.
        ((Button) alert.getDialogPane().lookupButton(stop)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
    }

    /** Shows the question without blocking; {@code onConfirmed} runs only if the user chose to stop. */
    void show(Runnable onConfirmed) {
        alert.setOnHidden(event -> {
            if (alert.getResult() == stop) {
                onConfirmed.run();
            }
        });
        alert.show();
    }
}
