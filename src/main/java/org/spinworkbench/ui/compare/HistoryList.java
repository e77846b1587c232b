package org.spinworkbench.ui.compare;

import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.spinworkbench.ui.common.Messages;

/** The selected prompt's synthetic answer at every iteration; the shown iteration's is marked, a click shows another. */
final class HistoryList extends VBox {

    HistoryList(PromptDetailsViewModel details, ObjectProperty<Integer> iteration, Messages messages) {
        super(4);
        ListView<HistoryEntry> list = new ListView<>(details.history());
        list.setId("compareHistory");
        list.setPlaceholder(new Label(messages.get("compare.history.none")));
        list.setCellFactory(view -> new Cell(iteration, messages));
        list.setOnMouseClicked(event -> {
            HistoryEntry entry = list.getSelectionModel().getSelectedItem();
            if (entry != null && event.getClickCount() == 2) {
                iteration.set(entry.iteration());
            }
        });
        iteration.addListener((observable, before, now) -> list.refresh());
        Label error = new Label();
        error.setId("compareHistoryError");
        error.getStyleClass().add("compare-error");
        error.textProperty().bind(details.historyErrorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        Label hint = new Label(messages.get("compare.history.hint"));
        hint.getStyleClass().add("compare-muted");
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(hint, error, list);
    }

    private static final class Cell extends ListCell<HistoryEntry> {
        private final ObjectProperty<Integer> iteration;
        private final Messages messages;
        private final Label heading = new Label();
        private final Label text = new Label();
        private final VBox box = new VBox(2, heading, text);

        Cell(ObjectProperty<Integer> iteration, Messages messages) {
            this.iteration = iteration;
            this.messages = messages;
            heading.getStyleClass().add("compare-history-heading");
            text.setWrapText(true);
            text.setMaxWidth(600);
        }

        @Override
        protected void updateItem(HistoryEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            getStyleClass().remove("compare-history-current");
            if (empty || entry == null) {
                setGraphic(null);
                return;
            }
            Locale locale = messages.locale();
            String margin = SampleNumbers.reward(entry.margin(), locale);
            heading.setText(entry.sameAsReal() ? messages.get("compare.history.entrySame", entry.iteration(), margin)
                    : messages.get("compare.history.entry", entry.iteration(), margin));
            text.setText(entry.synthetic().isEmpty() ? messages.get("compare.empty") : entry.synthetic());
            if (Integer.valueOf(entry.iteration()).equals(iteration.get())) {
                getStyleClass().add("compare-history-current");
            }
            setGraphic(box);
        }
    }
}
