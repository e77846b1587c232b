package org.spinworkbench.ui.settings;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.spinworkbench.ui.common.Language;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.Styles;

/** File › Settings: the language, applied as soon as OK is pressed. */
public final class SettingsDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ButtonType ok;

    public SettingsDialog(Window owner, Messages messages, SettingsViewModel viewModel) {
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("settings.title"));
        dialog.setHeaderText(messages.get("settings.header"));
        dialog.getDialogPane().setId("settingsDialog");
        Styles.apply(dialog.getDialogPane());

        ComboBox<Language> language = new ComboBox<>();
        language.setId("languageChoice");
        language.getItems().setAll(viewModel.languages());
        StringConverter<Language> names = new StringConverter<>() {
            @Override
            public String toString(Language choice) {
                return viewModel.displayName(choice);
            }

            @Override
            public Language fromString(String text) {
                return null; // not editable
            }
        };
        language.setConverter(names);
        language.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Language item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : names.toString(item));
            }
        });
        language.valueProperty().bindBidirectional(viewModel.languageProperty());

        Label hint = new Label(messages.get("settings.language.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(8);
        form.addRow(0, new Label(messages.get("settings.language")), language);
        form.add(hint, 0, 1, 2, 1);
        form.setPrefWidth(420);
        dialog.getDialogPane().setContent(form);

        ok = new ButtonType(messages.get("button.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, cancel);
        dialog.getDialogPane().lookupButton(ok).setId("settingsOk");
        dialog.getDialogPane().lookupButton(cancel).setId("settingsCancel");
    }

    /** Shows the dialog without blocking; {@code onOk} runs when it closes with OK. */
    public void show(Runnable onOk) {
        dialog.setOnHidden(event -> {
            if (dialog.getResult() == ok) {
                onOk.run();
            }
        });
        dialog.show();
    }
}
