package org.spinworkbench.ui.wizard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.spinworkbench.data.PromptTurns;
import org.spinworkbench.lm.hf.BosPolicy;
import org.spinworkbench.data.DatasetFormat;
import org.spinworkbench.data.ProblemPolicy;
import org.spinworkbench.ui.common.Messages;

/** Step 2: the data files, how they are read and split, their problems and the first examples as training sees them. */
final class DatasetStepView extends VBox {
    private final Messages messages;

    DatasetStepView(DatasetStepViewModel viewModel, Messages messages) {
        super(8);
        this.messages = messages;
        setId("wizardDataStep");
        getStyleClass().add("wizard-page");

        HBox dataPath = WizardControls.pathField("dataFileField", "dataBrowseButton", messages.get("wizard.browse"),
                viewModel.dataFileProperty(), viewModel::check,
                WizardControls.files(messages.get("wizard.data.chooserTitle")));
        Button demo = new Button(messages.get("wizard.data.useDemo"));
        demo.setId("dataDemoButton");
        demo.setOnAction(event -> viewModel.useDemoTasks());

        // "Detect" is an empty Optional: a ChoiceBox shows a null item as no choice at all.
        List<Optional<DatasetFormat>> formats = new ArrayList<>();
        formats.add(Optional.empty());
        List.of(DatasetFormat.values()).forEach(f -> formats.add(Optional.of(f)));
        ChoiceBox<Optional<DatasetFormat>> format = new ChoiceBox<>(FXCollections.observableArrayList(formats));
        format.setId("dataFormatChoice");
        format.setConverter(WizardControls.choices(f -> f.map(named -> messages.get("wizard.data.formatNamed", named.label(),
                named.keys())).orElse(messages.get("wizard.data.formatDetect"))));
        format.setValue(Optional.ofNullable(viewModel.formatProperty().get()));
        format.valueProperty().addListener((observable, before, now) ->
                viewModel.formatProperty().set(now == null ? null : now.orElse(null)));
        viewModel.formatProperty().addListener((observable, before, now) -> format.setValue(Optional.ofNullable(now)));

        ChoiceBox<ProblemPolicy> policy = new ChoiceBox<>(FXCollections.observableArrayList(ProblemPolicy.values()));
        policy.setId("problemPolicyChoice");
        policy.setConverter(WizardControls.choices(p -> p == ProblemPolicy.STOP ? messages.get("wizard.data.policyStop")
                : messages.get("wizard.data.policySkip")));
        policy.valueProperty().bindBidirectional(viewModel.policyProperty());

        CheckBox raw = new CheckBox(messages.get("wizard.data.raw"));
        raw.setId("rawCheck");
        raw.selectedProperty().bindBidirectional(viewModel.rawProperty());

        ChoiceBox<BosPolicy> bos = new ChoiceBox<>(FXCollections.observableArrayList(BosPolicy.values()));
        bos.setId("bosChoice");
        bos.setConverter(WizardControls.choices(b -> b == BosPolicy.TOKENIZER ? messages.get("wizard.data.bosTokenizer")
                : messages.get("wizard.data.bosTemplate")));
        bos.valueProperty().bindBidirectional(viewModel.bosProperty());

        ChoiceBox<PromptTurns> turns = new ChoiceBox<>(FXCollections.observableArrayList(PromptTurns.values()));
        turns.setId("promptTurnsChoice");
        turns.setConverter(WizardControls.choices(t -> t == PromptTurns.CONVERSATION
                ? messages.get("wizard.data.turnsConversation") : messages.get("wizard.data.turnsFirst")));
        turns.valueProperty().bindBidirectional(viewModel.turnsProperty());

        GridPane reading = new GridPane();
        reading.setHgap(8);
        reading.setVgap(6);
        reading.addRow(0, new Label(messages.get("wizard.data.format")), format);
        reading.addRow(1, new Label(messages.get("wizard.data.policy")), policy);
        reading.addRow(2, new Label(messages.get("wizard.data.bos")), bos);
        reading.addRow(3, new Label(messages.get("wizard.data.turns")), turns);

        ProgressIndicator checking = new ProgressIndicator();
        checking.setId("dataChecking");
        checking.setPrefSize(18, 18);
        checking.visibleProperty().bind(viewModel.checkingProperty());
        checking.managedProperty().bind(checking.visibleProperty());

        ListView<String> problems = new ListView<>(viewModel.problems());
        problems.setId("dataProblems");
        problems.setPrefHeight(70);
        problems.setPlaceholder(new Label(messages.get("wizard.data.noProblems")));
        // no verdict, "every row is usable" included, for a file that has not been read
        problems.visibleProperty().bind(viewModel.checkProperty().isNotNull());
        problems.managedProperty().bind(problems.visibleProperty());

        ListView<PreviewRow> preview = new ListView<>(viewModel.preview());
        preview.setId("dataPreview");
        preview.getStyleClass().add("wizard-preview");
        preview.setPrefHeight(150);
        preview.setPlaceholder(new Label(messages.get("wizard.data.noPreview")));
        preview.setCellFactory(list -> new PreviewCell());

        getChildren().addAll(WizardControls.heading(messages.get("wizard.data.heading")),
                WizardControls.help(messages.get("wizard.data.fileLabel")), dataPath, demo, reading, raw,
                split(viewModel),
                new HBox(8, checking, WizardControls.bound("dataSummary", viewModel.summaryProperty(), "wizard-facts")),
                WizardControls.bound("splitCounts", viewModel.splitTextProperty(), "wizard-facts"),
                WizardControls.section(messages.get("wizard.data.accuracy")),
                WizardControls.help(messages.get("wizard.data.accuracyHelp")),
                WizardControls.pathField("accuracyFileField", "accuracyBrowseButton", messages.get("wizard.browse"),
                        viewModel.accuracyFileProperty(), viewModel::check,
                        WizardControls.files(messages.get("wizard.data.accuracyChooserTitle"))),
                WizardControls.error("dataError", viewModel.errorProperty()),
                WizardControls.section(messages.get("wizard.data.problems")), problems,
                WizardControls.section(messages.get("wizard.data.preview")), preview);
    }

    private VBox split(DatasetStepViewModel viewModel) {
        ChoiceBox<SplitChoice> choice = new ChoiceBox<>(FXCollections.observableArrayList(SplitChoice.values()));
        choice.setId("splitChoice");
        choice.setConverter(WizardControls.choices(c -> switch (c) {
            case FRACTION -> messages.get("wizard.data.splitFraction");
            case SIZE -> messages.get("wizard.data.splitSize");
            case EVAL_FILE -> messages.get("wizard.data.splitFile");
        }));
        choice.valueProperty().bindBidirectional(viewModel.splitProperty());

        TextField fraction = new TextField();
        fraction.setId("evalFractionField");
        fraction.setPrefColumnCount(6);
        fraction.textProperty().bindBidirectional(viewModel.fractionProperty());
        TextField size = new TextField();
        size.setId("evalSizeField");
        size.setPrefColumnCount(6);
        size.textProperty().bindBidirectional(viewModel.sizeProperty());
        HBox evalPath = WizardControls.pathField("evalFileField", "evalBrowseButton", messages.get("wizard.browse"),
                viewModel.evalFileProperty(), viewModel::check,
                WizardControls.files(messages.get("wizard.data.evalChooserTitle")));
        showOnly(fraction, viewModel, SplitChoice.FRACTION);
        showOnly(size, viewModel, SplitChoice.SIZE);
        showOnly(evalPath, viewModel, SplitChoice.EVAL_FILE);
        HBox.setHgrow(evalPath, javafx.scene.layout.Priority.ALWAYS);
        HBox row = new HBox(8, choice, fraction, size, evalPath);
        return new VBox(4, new Label(messages.get("wizard.data.split")), row);
    }

    private static void showOnly(javafx.scene.Node node, DatasetStepViewModel viewModel, SplitChoice when) {
        node.visibleProperty().bind(Bindings.equal(viewModel.splitProperty(), when));
        node.managedProperty().bind(node.visibleProperty());
    }


    /** An example: where it came from, then its text as the model receives it, or why the template refused it. */
    private final class PreviewCell extends ListCell<PreviewRow> {
        @Override
        protected void updateItem(PreviewRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                return;
            }
            setText(row.problem() == null ? messages.get("wizard.data.previewRow", row.row(), row.text())
                    : messages.get("wizard.data.previewProblem", row.row(), row.problem()));
            setWrapText(true);
        }
    }
}
