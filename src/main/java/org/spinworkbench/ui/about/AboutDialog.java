package org.spinworkbench.ui.about;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.spinworkbench.ui.common.AppIcons;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.Styles;

/** Help › About SPIN Workbench. */
public final class AboutDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();

    public AboutDialog(Window owner, Messages messages, AboutViewModel viewModel) {
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("about.title"));
        dialog.getDialogPane().setId("aboutDialog");
        Styles.apply(dialog.getDialogPane());
        dialog.getDialogPane().getStyleClass().add("about-dialog");

        Label name = label(viewModel.productName(), "aboutName", "about-name");
        Label version = label(viewModel.version(), "aboutVersion", "about-version");
        Label description = label(viewModel.description(), "aboutDescription", null);
        Label java = label(viewModel.javaVersion(), "aboutJava", "about-detail");
        Label javaFx = label(viewModel.javaFxVersion(), "aboutJavaFx", "about-detail");
        Label workspace = label(viewModel.workspaceFolder(), "aboutWorkspace", "about-detail");
        VBox text = new VBox(6, name, version, description, java, javaFx, workspace);
        text.setPrefWidth(440);

        HBox content = new HBox(20, text);
        AppIcons.load().stream().filter(image -> image.getWidth() == 64).findFirst()
                .ifPresent(image -> content.getChildren().add(0, new ImageView(image)));
        dialog.getDialogPane().setContent(content);

        ButtonType close = new ButtonType(messages.get("button.close"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(close);
        dialog.getDialogPane().lookupButton(close).setId("aboutClose");
    }

    public void show() {
        dialog.show();
    }

    private static Label label(String text, String id, String styleClass) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        if (styleClass != null) {
            label.getStyleClass().add(styleClass);
        }
        return label;
    }
}
