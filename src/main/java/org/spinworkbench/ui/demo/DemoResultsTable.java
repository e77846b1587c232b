package org.spinworkbench.ui.demo;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.TextWidth;

/** Each model's held-out scores, one row per model, filled in as the demo evaluates them. */
final class DemoResultsTable extends TableView<DemoResult> {

    DemoResultsTable(DemoViewModel viewModel, Messages messages) {
        super(viewModel.results());
        setId("demoResults");
        getStyleClass().add("demo-results");
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new Label(messages.get("demo.results.placeholder")));
        Locale locale = messages.locale();

        getColumns().add(column(messages.get("demo.column.model"), "demoColumnModel", viewModel::modelName));
        getColumns().add(column(messages.get("demo.column.accuracy"), "demoColumnAccuracy",
                r -> DemoResult.percent(r.accuracy(), locale)));
        for (String task : DemoResult.TASKS) {
            getColumns().add(column(taskName(task, messages), "demoColumnTask-" + task,
                    r -> DemoResult.percent(r.taskAccuracy().get(task), locale)));
        }
        getColumns().add(column(messages.get("demo.column.evalLoss"), "demoColumnEvalLoss",
                r -> DemoResult.number(r.evalLoss(), locale)));
        getColumns().add(column(messages.get("demo.column.margin"), "demoColumnMargin",
                r -> DemoResult.number(r.margin(), locale)));
    }

    private static TableColumn<DemoResult, String> column(String title, String id,
                                                          Function<DemoResult, String> text) {
        TableColumn<DemoResult, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setMinWidth(TextWidth.column(title)); // "Reward margin", not "Reward m…"; a scroll bar if need be
        column.setSortable(false);
        column.setReorderable(false);
        column.setCellValueFactory(cell -> constant(text.apply(cell.getValue())));
        return column;
    }

    private static ObservableValue<String> constant(String text) {
        return new ReadOnlyStringWrapper(text).getReadOnlyProperty();
    }

    private static String taskName(String task, Messages messages) {
        return switch (task) {
            case "add" -> messages.get("demo.task.add");
            case "reverse" -> messages.get("demo.task.reverse");
            case "sort" -> messages.get("demo.task.sort");
            case "convert" -> messages.get("demo.task.convert");
            case "capital" -> messages.get("demo.task.capital");
            default -> task;
        };
    }
}
