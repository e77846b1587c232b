package org.spinworkbench.ui.compare;

import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.spinworkbench.ui.common.Messages;

/** Search, filters, sort and the (virtualised) list of the iteration's prompts with their margins. */
final class PromptListPane extends VBox {
    private static final int PREVIEW_CHARACTERS = 120;

    PromptListPane(CompareViewModel viewModel, Messages messages) {
        super(6);
        setId("comparePromptPane");
        getStyleClass().add("compare-prompts");

        TextField search = new TextField();
        search.setId("compareSearch");
        search.setPromptText(messages.get("compare.search.prompt"));
        search.textProperty().bindBidirectional(viewModel.searchProperty());

        CheckBox negative = check(messages.get("compare.filter.negativeMargin"), "compareFilterNegativeMargin",
                messages.get("compare.filter.negativeMargin.hint"));
        negative.selectedProperty().bindBidirectional(viewModel.negativeMarginProperty());
        CheckBox changed = check(messages.get("compare.filter.changed"), "compareFilterChanged",
                messages.get("compare.filter.changed.hint"));
        changed.selectedProperty().bindBidirectional(viewModel.changedProperty());
        changed.disableProperty().bind(viewModel.previousAvailableProperty().not());
        CheckBox same = check(messages.get("compare.filter.same"), "compareFilterSame",
                messages.get("compare.filter.same.hint"));
        same.selectedProperty().bindBidirectional(viewModel.sameProperty());

        ComboBox<PromptSort> sort = new ComboBox<>();
        sort.setId("compareSort");
        sort.getItems().setAll(PromptSort.values());
        sort.setConverter(new SortNames(messages));
        sort.valueProperty().bindBidirectional(viewModel.sortProperty());
        sort.setMaxWidth(Double.MAX_VALUE);
        Label sortLabel = new Label(messages.get("compare.sort"));
        sortLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox sorting = new HBox(6, sortLabel, sort);
        sorting.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(sort, Priority.ALWAYS);

        Label count = new Label();
        count.setId("compareCount");
        count.getStyleClass().add("compare-muted");
        count.textProperty().bind(viewModel.countProperty());

        ListView<PromptRow> list = new ListView<>(viewModel.prompts());
        list.setId("comparePrompts");
        list.setCellFactory(view -> new PromptCell(messages.locale()));
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(viewModel.placeholderProperty());
        list.setPlaceholder(placeholder);
        list.getSelectionModel().selectedItemProperty().addListener((observable, before, now) -> {
            if (now != null) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((observable, before, now) -> select(list, now));
        viewModel.prompts().addListener((ListChangeListener<PromptRow>) change ->
                select(list, viewModel.selectedProperty().get()));
        VBox.setVgrow(list, Priority.ALWAYS);

        Label promptHeader = new Label(messages.get("compare.list.prompt"));
        promptHeader.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(promptHeader, Priority.ALWAYS);
        Label marginHeader = new Label(messages.get("compare.list.margin"));
        marginHeader.setId("compareMarginHeader");
        marginHeader.setMinWidth(Region.USE_PREF_SIZE);
        marginHeader.setTooltip(new Tooltip(messages.get("compare.list.margin.hint")));
        HBox header = new HBox(8, promptHeader, marginHeader);
        header.getStyleClass().add("compare-list-header");

        Label legend = new Label(messages.get("compare.list.legend"));
        legend.setId("compareListLegend");
        legend.setWrapText(true);
        legend.setMinHeight(Region.USE_PREF_SIZE);
        legend.getStyleClass().add("compare-muted");

        getChildren().addAll(search, negative, changed, same, sorting, count, header, list, legend);
    }

    private static void select(ListView<PromptRow> list, PromptRow row) {
        if (row == null) {
            list.getSelectionModel().clearSelection();
        } else if (list.getSelectionModel().getSelectedItem() != row) {
            list.getSelectionModel().select(row);
            list.scrollTo(row);
        }
    }

    private static CheckBox check(String text, String id, String hint) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.setTooltip(new Tooltip(hint));
        return box;
    }

    static String preview(String prompt) {
        String line = prompt.strip().replaceAll("\\s+", " ");
        return line.length() > PREVIEW_CHARACTERS ? line.substring(0, PREVIEW_CHARACTERS) + "…" : line;
    }

    /** A prompt's index and first words, its margin on the right, coloured when the synthetic answer wins. */
    private static final class PromptCell extends ListCell<PromptRow> {
        private final Label text = new Label();
        private final Label margin = new Label();
        private final HBox box = new HBox(8, text, margin);
        private final Locale locale;

        PromptCell(Locale locale) {
            this.locale = locale;
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMaxWidth(Double.MAX_VALUE);
            // the prompt gives way (ending in "…"); the margin is never pushed out of a narrow list
            text.setMinWidth(0);
            text.setPrefWidth(0);
            margin.setMinWidth(Region.USE_PREF_SIZE);
            margin.getStyleClass().add("compare-cell-margin");
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(PromptRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll("compare-cell-negative", "compare-cell-same");
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            text.setText((row.exampleIndex() + 1) + ". " + preview(row.prompt()));
            margin.setText(SampleNumbers.reward(row.margin(), locale));
            if (row.margin() != null && row.margin() < 0) {
                getStyleClass().add("compare-cell-negative");
            }
            if (row.syntheticEqualsReal()) {
                getStyleClass().add("compare-cell-same");
            }
            setText(null);
            setGraphic(box);
        }
    }

    private static final class SortNames extends StringConverter<PromptSort> {
        private final Messages messages;

        SortNames(Messages messages) {
            this.messages = messages;
        }

        @Override
        public String toString(PromptSort sort) {
            if (sort == null) {
                return "";
            }
            return switch (sort) {
                case DATASET -> messages.get("compare.sort.dataset");
                case MARGIN_ASCENDING -> messages.get("compare.sort.marginAscending");
                case MARGIN_DESCENDING -> messages.get("compare.sort.marginDescending");
                case PROMPT -> messages.get("compare.sort.prompt");
                case LENGTH -> messages.get("compare.sort.length");
            };
        }

        @Override
        public PromptSort fromString(String text) {
            return null; // not editable
        }
    }
}
