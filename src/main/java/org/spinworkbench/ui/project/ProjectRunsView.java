package org.spinworkbench.ui.project;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.spinworkbench.ui.common.Messages;

/**
 * The project's runs: a table (double-click opens a run's dashboard) and the buttons that
 * open the wizard, a run's dashboard, its compare view and export, and the run comparison.
 */
public final class ProjectRunsView extends VBox {

    public ProjectRunsView(ProjectRunsViewModel viewModel, RunScreens screens, Messages messages) {
        super(8);
        setId("projectRuns");
        getStyleClass().add("overview-card");

        TableView<RunRow> table = new TableView<>(viewModel.runs());
        table.setId("runsTable");
        table.setPrefHeight(220);
        table.setMinHeight(160);
        VBox.setVgrow(table, Priority.ALWAYS); // as many rows as the window has room for
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(placeholder(messages));
        table.getColumns().add(column(messages.get("runs.column.run"),
                row -> viewModel.title(row)));
        table.getColumns().add(column(messages.get("runs.column.status"),
                row -> messages.get(statusKey(row))));
        table.getColumns().add(column(messages.get("runs.column.iterations"),
                row -> row.planned() > 0 ? row.iterations() + " / " + row.planned() : String.valueOf(row.iterations())));
        table.getColumns().add(column(messages.get("runs.column.margin"),
                row -> row.lastMargin() == null ? "–" : String.format(messages.locale(), "%.3f", row.lastMargin())));
        table.getColumns().add(column(messages.get("runs.column.started"), RunRow::started));
        table.getSelectionModel().selectedItemProperty().addListener((observable, before, now) -> viewModel.selectedProperty().set(now));
        viewModel.selectedProperty().addListener((observable, before, now) -> {
            if (table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
        table.setRowFactory(view -> {
            TableRow<RunRow> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                    screens.openDashboard(row.getItem().run().id());
                }
            });
            return row;
        });

        BooleanBinding none = viewModel.selectedProperty().isNull();
        Button newRun = button(messages.get("runs.new"), "newRunButton");
        newRun.getStyleClass().add("accent");
        newRun.setOnAction(event -> screens.newRun(viewModel.project()));
        Button dashboard = button(messages.get("runs.dashboard"), "openDashboardButton");
        dashboard.disableProperty().bind(none);
        dashboard.setOnAction(event -> screens.openDashboard(viewModel.selected().run().id()));
        Button compare = button(messages.get("runs.compareResponses"), "compareResponsesButton");
        compare.disableProperty().bind(none);
        compare.setOnAction(event -> screens.compareResponses(viewModel.selected().run().id()));
        Button export = button(messages.get("runs.export"), "exportRunButton");
        export.disableProperty().bind(none);
        export.setOnAction(event -> screens.exportRun(viewModel.selected().run().id()));
        Button compareRuns = button(messages.get("runs.compareRuns"), "compareRunsButton");
        compareRuns.disableProperty().bind(Bindings.size(viewModel.runs()).lessThan(1));
        compareRuns.setOnAction(event -> screens.compareRuns(viewModel.project()));

        Button importJob = button(messages.get("runs.importJob"), "importJobButton");
        importJob.setOnAction(event -> screens.importClusterJob());
        FlowPane buttons = new FlowPane(8, 8, newRun, dashboard, compare, export, compareRuns, importJob);
        getChildren().addAll(table, buttons);
    }

    private static VBox placeholder(Messages messages) {
        Label none = new Label(messages.get("overview.runs.none"));
        none.setId("overviewNoRuns");
        none.getStyleClass().add("overview-no-runs");
        Label hint = new Label(messages.get("overview.runs.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        VBox placeholder = new VBox(4, none, hint);
        placeholder.setAlignment(javafx.geometry.Pos.CENTER);
        return placeholder;
    }

    private static TableColumn<RunRow, String> column(String title, java.util.function.Function<RunRow, String> text) {
        TableColumn<RunRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    private static String statusKey(RunRow row) {
        if (row.live()) {
            return "runs.status.live";
        }
        return switch (row.run().status()) {
            case CREATED -> "runs.status.CREATED";
            case RUNNING -> "runs.status.RUNNING";
            case COMPLETED -> "runs.status.COMPLETED";
            case FAILED -> "runs.status.FAILED";
            case CANCELLED -> "runs.status.CANCELLED";
        };
    }

    private static Button button(String text, String id) {
        Button button = new Button(text);
        button.setId(id);
        return button;
    }
}
