package org.spinworkbench.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Error messages in a dialog: a header saying what failed, the reason below, no stack trace. */
public final class Alerts {
    private Alerts() {
    }

    /** An error alert, not yet shown; {@code owner} may be null when there is no window yet. */
    /** Shows an error dialog over {@code owner} for every failure {@code failures} reports. */
    public static void showFailures(Window owner, Messages messages, ObservableValue<Failure> failures) {
        failures.addListener((o, before, failure) -> {
            if (failure != null) {
                error(owner, messages, failure.header(), failure.reason()).show();
            }
        });
    }

    public static Alert error(Window owner, Messages messages, String header, String reason) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(messages.get("error.title"));
        alert.setHeaderText(header);
        alert.setContentText(reason);
        alert.getDialogPane().setId("errorAlert");
        Styles.apply(alert.getDialogPane());
        alert.getDialogPane().setPrefWidth(520);
        ButtonType close = new ButtonType(messages.get("button.close"), ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(close);
        alert.getDialogPane().lookupButton(close).setId("errorAlertClose");
        return alert;
    }
}
