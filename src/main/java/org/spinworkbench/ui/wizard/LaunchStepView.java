package org.spinworkbench.ui.wizard;

import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.spinworkbench.ui.common.Messages;

/** Step 5: what Launch does, the wait while the run is recorded, and why it was refused if it was. */
final class LaunchStepView extends VBox {

    LaunchStepView(TrainingWizardViewModel viewModel, Messages messages) {
        super(10);
        setId("wizardLaunchStep");
        getStyleClass().add("wizard-page");
        ProgressIndicator launching = new ProgressIndicator();
        launching.setId("launchProgress");
        launching.setPrefSize(18, 18);
        Label waiting = new Label(messages.get("wizard.launch.waiting"));
        HBox progress = new HBox(8, launching, waiting);
        progress.visibleProperty().bind(viewModel.launchingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label summary = new Label();
        summary.setId("launchSummary");
        summary.setWrapText(true);
        summary.getStyleClass().add("wizard-section");
        summary.textProperty().bind(viewModel.launchSummaryProperty());
        getChildren().addAll(WizardControls.heading(messages.get("wizard.launch.heading")), summary,
                WizardControls.help(messages.get("wizard.launch.explanation", viewModel.project().name())),
                progress, WizardControls.error("launchError", viewModel.launchErrorProperty()));
    }
}
