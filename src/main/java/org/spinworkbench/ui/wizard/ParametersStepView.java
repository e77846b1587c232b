package org.spinworkbench.ui.wizard;

import javafx.collections.FXCollections;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.spinworkbench.train.SpinLossKind;
import org.spinworkbench.train.TrainingConfig;
import org.spinworkbench.ui.common.Messages;

/** Step 3: every hyper-parameter with its default and a one-line explanation; the first problem names its field. */
final class ParametersStepView extends VBox {
    static final String INVALID = "field-invalid";

    ParametersStepView(ParametersStepViewModel viewModel, Messages messages) {
        super(8);
        setId("wizardParametersStep");
        getStyleClass().add("wizard-page");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(Region.USE_PREF_SIZE); // names are never cut; the explanations wrap instead
        ColumnConstraints value = new ColumnConstraints();
        value.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints help = new ColumnConstraints();
        help.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(name, value, help);
        int row = 0;
        for (Parameter parameter : Parameter.values()) {
            TextField field = new TextField();
            field.setId(fieldId(parameter));
            field.setPrefColumnCount(8);
            field.textProperty().bindBidirectional(viewModel.field(parameter));
            viewModel.errorFieldProperty().addListener((observable, before, now) -> mark(field, now == parameter));
            mark(field, viewModel.errorFieldProperty().get() == parameter);
            grid.addRow(row++, new Label(viewModel.label(parameter)), field, WizardControls.help(viewModel.help(parameter)));
        }
        TextField targets = new TextField();
        targets.setId("loraTargetsField");
        targets.setPrefColumnCount(8);
        targets.textProperty().bindBidirectional(viewModel.loraTargetsProperty());
        targets.disableProperty().bind(viewModel.field(Parameter.LORA_RANK).isEqualTo("0"));
        grid.addRow(row++, new Label(messages.get("wizard.param.loraTargets")), targets,
                WizardControls.help(messages.get("wizard.help.loraTargets")));
        ReviewLines names = new ReviewLines(messages);
        ChoiceBox<SpinLossKind> loss = new ChoiceBox<>(FXCollections.observableArrayList(SpinLossKind.values()));
        loss.setId("lossChoice");
        loss.setConverter(WizardControls.choices(kind -> kind == SpinLossKind.SIGMOID ? messages.get("wizard.loss.sigmoid")
                : messages.get("wizard.loss.hinge")));
        loss.valueProperty().bindBidirectional(viewModel.lossProperty());
        grid.addRow(row++, new Label(messages.get("wizard.param.loss")), loss,
                WizardControls.help(messages.get("wizard.help.loss")));
        ChoiceBox<TrainingConfig.Schedule> schedule = new ChoiceBox<>(
                FXCollections.observableArrayList(TrainingConfig.Schedule.values()));
        schedule.setId("scheduleChoice");
        schedule.setConverter(WizardControls.choices(names::schedule));
        schedule.valueProperty().bindBidirectional(viewModel.scheduleProperty());
        grid.addRow(row++, new Label(messages.get("wizard.param.schedule")), schedule,
                WizardControls.help(messages.get("wizard.help.schedule")));
        CheckBox mix = new CheckBox(messages.get("wizard.param.mixPrevious"));
        mix.setId("mixPreviousCheck");
        mix.selectedProperty().bindBidirectional(viewModel.mixPreviousProperty());
        grid.add(mix, 0, row, 2, 1);
        grid.add(WizardControls.help(messages.get("wizard.help.mixPrevious")), 2, row++);
        CheckBox generated = new CheckBox(messages.get("wizard.param.useDataGenerated"));
        generated.setId("useDataGeneratedCheck");
        generated.selectedProperty().bindBidirectional(viewModel.useDataGeneratedProperty());
        // offered only for data that carries synthetic responses; once ticked it can always be cleared
        generated.disableProperty().bind(viewModel.dataCarriesGeneratedProperty().not()
                .and(generated.selectedProperty().not()));
        grid.add(generated, 0, row, 2, 1);
        grid.add(WizardControls.help(messages.get("wizard.help.useDataGenerated")), 2, row++);
        CheckBox checkpointing = new CheckBox(messages.get("wizard.param.gradientCheckpointing"));
        checkpointing.setId("gradientCheckpointingCheck");
        checkpointing.selectedProperty().bindBidirectional(viewModel.gradientCheckpointingProperty());
        grid.add(checkpointing, 0, row, 2, 1);
        grid.add(WizardControls.help(messages.get("wizard.help.gradientCheckpointing")), 2, row);

        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(WizardControls.heading(messages.get("wizard.parameters.heading")),
                WizardControls.help(messages.get("wizard.parameters.explanation")),
                WizardControls.bound("parametersNotice", viewModel.noticeProperty(), "field-notice"),
                WizardControls.error("parametersError", viewModel.errorProperty()),
                WizardControls.bound("parametersWarning", viewModel.warningProperty(), "field-warning"), scroll);
    }

    /** {@code MAX_PROMPT_LENGTH} → {@code maxPromptLengthField}. */
    static String fieldId(Parameter parameter) {
        return parameter.key() + "Field";
    }

    private static void mark(TextField field, boolean invalid) {
        if (invalid) {
            if (!field.getStyleClass().contains(INVALID)) {
                field.getStyleClass().add(INVALID);
            }
        } else {
            field.getStyleClass().remove(INVALID);
        }
    }

}
