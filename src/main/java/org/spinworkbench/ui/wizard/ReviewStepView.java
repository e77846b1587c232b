package org.spinworkbench.ui.wizard;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
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
        TableColumn<ReviewLine, String> value = new TableColumn<>(messages.get("wizard.review.value"));
        value.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().value()));
        value.setSortable(false);
        value.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null ? null : new Tooltip(text)); // long paths do not fit the column
            }
        });
        table.getColumns().add(label);
        table.getColumns().add(value);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(WizardControls.heading(messages.get("wizard.review.heading")),
                WizardControls.help(messages.get("wizard.review.explanation")), table);
    }
}
