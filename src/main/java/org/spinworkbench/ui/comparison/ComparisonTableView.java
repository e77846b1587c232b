package org.spinworkbench.ui.comparison;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.TextWidth;

/** A row per compared run and iteration; the metric columns follow the chosen metric. */
final class ComparisonTableView extends TableView<ComparisonRow> {
    private final RunComparisonViewModel viewModel;
    private final Messages messages;

    ComparisonTableView(RunComparisonViewModel viewModel, Messages messages) {
        super(viewModel.rows());
        this.viewModel = viewModel;
        this.messages = messages;
        setId("comparisonTable");
        setPlaceholder(new Label(messages.get("comparison.table.placeholder")));
        // every column as wide as its header and values; a horizontal scroll bar rather than "Iterat…"
        setColumnResizePolicy(UNCONSTRAINED_RESIZE_POLICY);
        viewModel.columns().addListener((ListChangeListener<String>) change -> rebuild());
        viewModel.rows().addListener((ListChangeListener<ComparisonRow>) change -> fitColumns());
        rebuild();
    }

    private void fitColumns() {
        for (TableColumn<ComparisonRow, ?> column : getColumns()) {
            double widest = TextWidth.column(column.getText());
            for (ComparisonRow row : getItems()) {
                Object value = column.getCellData(row);
                widest = Math.max(widest, TextWidth.column(value == null ? "" : value.toString()));
            }
            column.setPrefWidth(widest);
        }
    }

    private void rebuild() {
        getColumns().clear();
        getColumns().add(column(messages.get("comparison.column.run"), "comparisonColumnRun",
                row -> viewModel.runLabel(row.runId())));
        getColumns().add(column(messages.get("comparison.column.iteration"), "comparisonColumnIteration",
                row -> viewModel.iterationLabel(row.iteration())));
        for (String metric : viewModel.columns()) {
            getColumns().add(column(metric, "comparisonColumnMetric", row -> viewModel.format(row.values().get(metric))));
        }
        fitColumns();
    }

    private static TableColumn<ComparisonRow, String> column(String title, String id,
                                                             Function<ComparisonRow, String> text) {
        TableColumn<ComparisonRow, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setReorderable(false);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())).getReadOnlyProperty());
        return column;
    }
}
