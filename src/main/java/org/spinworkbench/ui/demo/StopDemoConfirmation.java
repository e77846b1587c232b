package org.spinworkbench.ui.demo;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.Styles;

/** Asks before closing the demo window stops a run that is going. */
final class StopDemoConfirmation {
    private final Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
    private final ButtonType stop;

    StopDemoConfirmation(Window owner, Messages messages) {
        alert.initOwner(owner);
        alert.setTitle(messages.get("demo.stop.title"));
        alert.setHeaderText(messages.get("demo.stop.header"));
        alert.setContentText(messages.get("demo.stop.content"));
        alert.getDialogPane().setId("stopDemoConfirmation");
        Styles.apply(alert.getDialogPane());
        alert.getDialogPane().setPrefWidth(460);
        stop = new ButtonType(messages.get("demo.stop.confirm"), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(messages.get("demo.stop.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(stop, keep);
        alert.getDialogPane().lookupButton(stop).setId("stopDemoConfirm");
        alert.getDialogPane().lookupButton(keep).setId("stopDemoKeep");
        // Enter keeps the run going: minutes of work are not thrown away by a stray key.
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
