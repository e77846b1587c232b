package org.spinworkbench.ui.wizard;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.spinworkbench.ui.common.Messages;

/** Step 1: the base-model folder, or the bundled demo model, and what its check found. */
final class ModelStepView extends VBox {

    ModelStepView(ModelStepViewModel viewModel, Messages messages) {
        super(10);
        setId("wizardModelStep");
        getStyleClass().add("wizard-page");

        HBox path = WizardControls.pathField("modelFolderField", "modelBrowseButton", messages.get("wizard.browse"),
                viewModel.folderProperty(), viewModel::check,
                WizardControls.folders(messages.get("wizard.model.chooserTitle")));
        Button demo = new Button(messages.get("wizard.model.useDemo"));
        demo.setId("modelDemoButton");
        demo.setOnAction(event -> viewModel.useDemoModel());

        ProgressIndicator checking = new ProgressIndicator();
        checking.setId("modelChecking");
        checking.setPrefSize(18, 18);
        checking.visibleProperty().bind(viewModel.checkingProperty());
        checking.managedProperty().bind(checking.visibleProperty());
        Label checkingText = new Label(messages.get("wizard.model.checking"));
        checkingText.visibleProperty().bind(viewModel.checkingProperty());
        checkingText.managedProperty().bind(checkingText.visibleProperty());

        getChildren().addAll(WizardControls.heading(messages.get("wizard.model.heading")),
                WizardControls.help(messages.get("wizard.model.explanation")),
                new Label(messages.get("wizard.model.folderLabel")), path, demo,
                new HBox(8, checking, checkingText),
                WizardControls.bound("modelSummary", viewModel.descriptionProperty(), "wizard-facts"),
                WizardControls.error("modelError", viewModel.errorProperty()));
    }
}
