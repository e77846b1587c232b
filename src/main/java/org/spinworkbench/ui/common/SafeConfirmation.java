package org.spinworkbench.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * Asks before an action that loses something: stopping a run, deleting a project, writing
 * over files. The safe answer is the default one, so Enter never throws work away.
 */
public final class SafeConfirmation {
    /** What the question says, and the ids of its pane and of its two buttons. */
    public record Texts(String paneId, String confirmId, String keepId, String title, String header, String content,
                        String confirm, String keep) {

        /** Ids {@code id + "Confirmation"}, {@code id + "Confirm"} and {@code id + "Keep"}. */
        public static Texts named(String id, String title, String header, String content, String confirm,
                                  String keep) {
            return new Texts(id + "Confirmation", id + "Confirm", id + "Keep", title, header, content, confirm, keep);
        }
    }

    private final Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
    private final ButtonType confirm;

    public SafeConfirmation(Window owner, Texts texts) {
        alert.initOwner(owner);
        alert.setTitle(texts.title());
        alert.setHeaderText(texts.header());
        alert.setContentText(texts.content());
        alert.getDialogPane().setId(texts.paneId());
        Styles.apply(alert.getDialogPane());
        alert.getDialogPane().setPrefWidth(480);
        confirm = new ButtonType(texts.confirm(), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(texts.keep(), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(confirm, keep);
        alert.getDialogPane().lookupButton(confirm).setId(texts.confirmId());
        alert.getDialogPane().lookupButton(keep).setId(texts.keepId());
        ((Button) alert.getDialogPane().lookupButton(confirm)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
    }

    /** Shows the question without blocking; {@code onConfirmed} runs only if the user confirmed. */
    public void show(Runnable onConfirmed) {
        show(onConfirmed, () -> { });
    }

    /** Shows the question without blocking; exactly one of the two runs once it is answered. */
    public void show(Runnable onConfirmed, Runnable onKept) {
        alert.setOnHidden(event -> (alert.getResult() == confirm ? onConfirmed : onKept).run());
        alert.show();
    }
}
