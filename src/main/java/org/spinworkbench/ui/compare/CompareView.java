package org.spinworkbench.ui.compare;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.spinworkbench.store.Split;
import org.spinworkbench.ui.common.Messages;

/**
 * The compare view's layout: iteration and split on top, the prompt list on the left, the
 * selected prompt's responses and numbers on the right with its history and "try the model"
 * below them.
 */
final class CompareView extends BorderPane {

    CompareView(CompareViewModel viewModel, TryModelViewModel tryModel, Messages messages) {
        setId("compareView");
        getStyleClass().add("compare-view");
        setTop(header(viewModel, messages));

        PromptDetailsViewModel details = viewModel.details();
        TabPane below = new TabPane();
        below.setId("compareTabs");
        below.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab numbers = new Tab(messages.get("compare.tab.numbers"), new SampleNumbersGrid(details, messages));
        numbers.setId("compareNumbersTab");
        Tab history = new Tab(messages.get("compare.tab.history"),
                new HistoryList(details, viewModel.iterationProperty(), messages));
        history.setId("compareHistoryTab");
        Tab trial = new Tab(messages.get("compare.tab.try"), new TryModelPane(tryModel, messages));
        trial.setId("compareTryTab");
        below.getTabs().setAll(numbers, history, trial);
        for (Tab tab : below.getTabs()) {
            ((Region) tab.getContent()).setPadding(new Insets(8));
        }

        SplitPane right = new SplitPane(new ResponsesPane(details, messages), below);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.55);
        SplitPane main = new SplitPane(new PromptListPane(viewModel, messages), right);
        main.setDividerPositions(0.3);
        setCenter(main);
    }

    private static VBox header(CompareViewModel viewModel, Messages messages) {
        Label title = new Label();
        title.setId("compareTitle");
        title.getStyleClass().add("compare-title");
        title.textProperty().bind(viewModel.titleProperty());

        ComboBox<Integer> iteration = new ComboBox<>(viewModel.iterations());
        iteration.setId("compareIteration");
        iteration.setConverter(new IterationNames(messages));
        iteration.valueProperty().bindBidirectional(viewModel.iterationProperty());

        ToggleGroup splits = new ToggleGroup();
        ToggleButton train = split(messages.get("compare.split.train"), "compareSplitTrain", Split.TRAIN, splits);
        ToggleButton eval = split(messages.get("compare.split.eval"), "compareSplitEval", Split.EVAL, splits);
        splits.selectToggle(viewModel.splitProperty().get() == Split.EVAL ? eval : train);
        splits.selectedToggleProperty().addListener((observable, before, now) -> {
            if (now == null) {
                splits.selectToggle(before); // one split is always shown
            } else {
                viewModel.splitProperty().set((Split) now.getUserData());
            }
        });
        HBox splitButtons = new HBox(train, eval);
        splitButtons.getStyleClass().add("compare-split");

        ProgressIndicator loading = new ProgressIndicator();
        loading.setId("compareLoading");
        loading.setPrefSize(20, 20);
        loading.visibleProperty().bind(viewModel.loadingProperty());

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label iterationLabel = new Label(messages.get("compare.iteration"));
        HBox bar = new HBox(10, title, gap, iterationLabel, iteration, splitButtons, loading);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label explanation = new Label(messages.get("compare.explanation"));
        explanation.setWrapText(true);
        explanation.getStyleClass().add("compare-muted");
        Label error = ErrorLabel.of("compareError", viewModel.errorProperty());
        VBox header = new VBox(4, bar, explanation, error);
        header.getStyleClass().add("compare-header");
        return header;
    }

    private static ToggleButton split(String text, String id, Split split, ToggleGroup group) {
        ToggleButton button = new ToggleButton(text);
        button.setId(id);
        button.setUserData(split);
        button.setToggleGroup(group);
        return button;
    }

    private static final class IterationNames extends StringConverter<Integer> {
        private final Messages messages;

        IterationNames(Messages messages) {
            this.messages = messages;
        }

        @Override
        public String toString(Integer iteration) {
            return iteration == null ? "" : messages.get("compare.iteration.name", iteration);
        }

        @Override
        public Integer fromString(String text) {
            return null; // not editable
        }
    }
}
