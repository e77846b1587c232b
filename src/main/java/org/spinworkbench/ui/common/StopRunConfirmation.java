package org.spinworkbench.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * Asks before an action stops a run that is going. Enter keeps the run going: minutes of
 * work are not thrown away by a stray key.
 */
public final class StopRunConfirmation {
    /** What the question says, and the ids its pane and buttons get ({@code id + "Confirmation"}, {@code id + "Confirm"}, {@code id + "Keep"}). */
    public record Texts(String id, String title, String header, String content, String confirm, String keep) {
    }

    private final Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
    private final ButtonType stop;

    public StopRunConfirmation(Window owner, Texts texts) {
        alert.initOwner(owner);
        alert.setTitle(texts.title());
        alert.setHeaderText(texts.header());
        alert.setContentText(texts.content());
        alert.getDialogPane().setId(texts.id() + "Confirmation");
        Styles.apply(alert.getDialogPane());
        alert.getDialogPane().setPrefWidth(460);
        stop = new ButtonType(texts.confirm(), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(texts.keep(), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(stop, keep);
        alert.getDialogPane().lookupButton(stop).setId(texts.id() + "Confirm");
        alert.getDialogPane().lookupButton(keep).setId(texts.id() + "Keep");
        ((Button) alert.getDialogPane().lookupButton(stop)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
    }

    /** Shows the question without blocking; {@code onConfirmed} runs only if the user chose to stop. */
    public void show(Runnable onConfirmed) {
        alert.setOnHidden(event -> {
            if (alert.getResult() == stop) {
                onConfirmed.run();
            }
        });
        alert.show();
    }
}
