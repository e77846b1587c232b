package org.spinworkbench.ui.wizard;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.spinworkbench.ui.common.Messages;

/** Step 4: every choice in words, as the run will be recorded. */
final class ReviewStepView extends VBox {

    ReviewStepView(TrainingWizardViewModel viewModel, Messages messages) {
        super(8);
        setId("wizardReviewStep");
        getStyleClass().add("wizard-page");
        TableView<ReviewLine> table = new TableView<>(viewModel.review());
        table.setId("reviewTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ReviewLine, String> label = new TableColumn<>(messages.get("wizard.review.setting"));
        label.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().label()));
        label.setSortable(false);
        label.setPrefWidth(200);
        label.setMaxWidth(280); // the values, paths and all, get the rest of the width
        TableColumn<ReviewLine, String> value = new TableColumn<>(messages.get("wizard.review.value"));
        value.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().value()));
        value.setSortable(false);
        value.setPrefWidth(600);
        value.setCellFactory(column -> new TableCell<>() {
            private final Text shown = new Text();

            {
                // long paths wrap within the column instead of ending in "…"
                shown.wrappingWidthProperty().bind(column.widthProperty().subtract(12));
                shown.getStyleClass().add("review-value");
                setPrefHeight(Region.USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                shown.setText(empty || text == null ? "" : text);
                setText(null);
                setGraphic(empty ? null : shown);
                setTooltip(empty || text == null ? null : new Tooltip(text));
            }
        });
        table.getColumns().add(label);
        table.getColumns().add(value);
        VBox.setVgrow(table, Priority.ALWAYS);

        TextArea command = new TextArea();
        command.setId("reviewCommand");
        command.setEditable(false);
        command.setWrapText(true);
        command.setPrefRowCount(3);
        command.textProperty().bind(viewModel.commandLineProperty());
        command.getStyleClass().add("review-command");
        Button copy = new Button(messages.get("wizard.review.copy"));
        copy.setId("reviewCopyCommand");
        Label copied = new Label();
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(viewModel.commandLineProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
            copied.setText(messages.get("wizard.review.copied"));
        });
        HBox commandHeader = new HBox(8, new Label(messages.get("wizard.review.command")), copy, copied);
        commandHeader.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(WizardControls.heading(messages.get("wizard.review.heading")),
                WizardControls.help(messages.get("wizard.review.explanation")), table, commandHeader, command);
    }
}
