package org.spinworkbench.ui.settings;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.spinworkbench.lm.ComputeDevice;
import org.spinworkbench.ui.common.Language;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.Styles;
import org.spinworkbench.ui.common.Theme;

/**
 * File › Settings: language, theme, device and threads, and the workspace folder for the next
 * start; applied as soon as OK is pressed.
 */
public final class SettingsDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ButtonType ok;

    public SettingsDialog(Window owner, Messages messages, SettingsViewModel viewModel) {
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("settings.title"));
        dialog.setHeaderText(messages.get("settings.header"));
        dialog.getDialogPane().setId("settingsDialog");
        Styles.apply(dialog.getDialogPane());

        ComboBox<Language> language = ChoiceBoxes.named("languageChoice", viewModel::displayName);
        language.getItems().setAll(viewModel.languages());
        language.valueProperty().bindBidirectional(viewModel.languageProperty());

        ComboBox<Theme> theme = ChoiceBoxes.named("themeChoice", viewModel::displayName);
        theme.getItems().setAll(viewModel.themes());
        theme.valueProperty().bindBidirectional(viewModel.themeProperty());

        ComboBox<ComputeDevice.Choice> device = ChoiceBoxes.named("deviceChoice", viewModel::displayName);
        device.setItems(viewModel.devices());
        device.valueProperty().bindBidirectional(viewModel.deviceProperty());

        Spinner<Integer> threads = new Spinner<>(0, SettingsViewModel.MAX_THREADS, viewModel.threadsProperty().get());
        threads.setId("threadsSpinner");
        threads.setEditable(true);
        threads.setPrefWidth(100);
        threads.getValueFactory().valueProperty().addListener((observable, before, now) -> {
            if (now != null) {
                viewModel.threadsProperty().set(now);
            }
        });
        viewModel.threadsProperty().addListener((observable, before, now) -> threads.getValueFactory().setValue(now.intValue()));

        Label currentWorkspace = new Label(viewModel.currentWorkspace().toString());
        currentWorkspace.setId("currentWorkspace");
        Label nextWorkspace = new Label();
        nextWorkspace.setId("nextWorkspace");
        nextWorkspace.textProperty().bind(Bindings.createStringBinding(() -> viewModel.nextWorkspaceProperty().get() == null
                ? messages.get("settings.workspace.default") : viewModel.nextWorkspaceProperty().get().toString(),
                viewModel.nextWorkspaceProperty()));
        Button choose = new Button(messages.get("settings.workspace.choose"));
        choose.setId("chooseWorkspaceButton");
        choose.setOnAction(event -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(messages.get("settings.workspace.chooseTitle"));
            var chosen = chooser.showDialog(dialog.getDialogPane().getScene().getWindow());
            if (chosen != null) {
                viewModel.nextWorkspaceProperty().set(chosen.toPath());
            }
        });
        Button useDefault = new Button(messages.get("settings.workspace.useDefault"));
        useDefault.setId("defaultWorkspaceButton");
        useDefault.disableProperty().bind(viewModel.nextWorkspaceProperty().isNull());
        useDefault.setOnAction(event -> viewModel.nextWorkspaceProperty().set(null));

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(8);
        form.addRow(0, new Label(messages.get("settings.language")), language);
        form.add(hint(messages.get("settings.language.hint")), 0, 1, 2, 1);
        form.addRow(2, new Label(messages.get("settings.theme")), theme);
        form.addRow(3, new Label(messages.get("settings.device")), device);
        form.addRow(4, new Label(messages.get("settings.threads")), threads);
        form.add(hint(messages.get("settings.device.hint")), 0, 5, 2, 1);
        form.addRow(6, new Label(messages.get("settings.workspace.current")), currentWorkspace);
        form.addRow(7, new Label(messages.get("settings.workspace.next")), nextWorkspace);
        form.add(new HBox(8, choose, useDefault), 1, 8);
        form.add(hint(messages.get("settings.workspace.hint")), 0, 9, 2, 1);
        form.setPrefWidth(520);
        dialog.getDialogPane().setContent(form);

        ok = new ButtonType(messages.get("button.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, cancel);
        dialog.getDialogPane().lookupButton(ok).setId("settingsOk");
        dialog.getDialogPane().lookupButton(ok).disableProperty().bind(viewModel.loadedProperty().not());
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

    private static Label hint(String text) {
        Label hint = new Label(text);
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        return hint;
    }
}
