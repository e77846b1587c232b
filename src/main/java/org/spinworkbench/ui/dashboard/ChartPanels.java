package org.spinworkbench.ui.dashboard;

import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.spinworkbench.ui.common.Messages;

/** The charts, two to a row: the training curves, then the held-out metrics per iteration. */
final class ChartPanels {
    private final GridPane grid = new GridPane();
    private final List<ChartPanel> panels;
    private final ChartPanel eval;

    ChartPanels(DashboardViewModel viewModel, Messages messages, Consumer<ChartPanel> onExport) {
        var ends = viewModel.boundaries();
        panels = List.of(
                training(viewModel, new ChartPanel("chart-loss", messages.get("dashboard.chart.loss"), messages,
                        false, ends, onExport), "loss"),
                training(viewModel, new ChartPanel("chart-rewards", messages.get("dashboard.chart.rewards"),
                        messages, false, ends, onExport), "rewards/real", "rewards/generated"),
                training(viewModel, new ChartPanel("chart-margins", messages.get("dashboard.chart.margins"),
                        messages, false, ends, onExport), "rewards/margins"),
                training(viewModel, new ChartPanel("chart-accuracies", messages.get("dashboard.chart.accuracies"),
                        messages, false, ends, onExport), "rewards/accuracies"),
                training(viewModel, new ChartPanel("chart-logps", messages.get("dashboard.chart.logps"),
                        messages, false, ends, onExport), "logps/real", "logps/generated"),
                exact(viewModel, new ChartPanel("chart-learning-rate",
                        messages.get("dashboard.chart.learningRate"), messages, false, ends, onExport),
                        "learning_rate"),
                training(viewModel, new ChartPanel("chart-grad-norm", messages.get("dashboard.chart.gradNorm"),
                        messages, false, ends, onExport), "grad_norm"),
                new ChartPanel("chart-eval", messages.get("dashboard.chart.eval"), messages, true, ends, onExport));
        eval = panels.get(panels.size() - 1);
        eval.addControl(evalChoice(viewModel, messages));
        for (int i = 0; i < panels.size(); i++) {
            grid.add(panels.get(i).node(), i % 2, i / 2);
            GridPane.setHgrow(panels.get(i).node(), Priority.ALWAYS);
        }
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setId("dashboardChartGrid");
    }

    GridPane grid() {
        return grid;
    }

    List<ChartPanel> panels() {
        return panels;
    }

    ChartPanel panel(String id) {
        return panels.stream().filter(panel -> panel.id().equals(id)).findFirst().orElseThrow();
    }

    private static ChartPanel training(DashboardViewModel viewModel, ChartPanel panel, String... metrics) {
        for (int i = 0; i < metrics.length; i++) {
            panel.show(viewModel.curves().raw(metrics[i]), i, true);
            panel.show(viewModel.curves().smoothed(metrics[i]), i, false);
        }
        return panel;
    }

    /** A curve that is set, not measured (the learning rate): smoothing it would only misdraw the schedule. */
    private static ChartPanel exact(DashboardViewModel viewModel, ChartPanel panel, String metric) {
        panel.show(viewModel.curves().raw(metric), 0, false);
        return panel;
    }

    private ComboBox<String> evalChoice(DashboardViewModel viewModel, Messages messages) {
        ComboBox<String> choice = new ComboBox<>(viewModel.evalMetrics());
        choice.setId("dashboardEvalMetric");
        choice.setPromptText(messages.get("dashboard.eval.metric"));
        choice.valueProperty().addListener((o, before, now) -> eval.showOnly(now == null ? null
                : viewModel.curves().eval(now)));
        viewModel.evalMetrics().addListener((ListChangeListener<String>) change -> {
            if (choice.getValue() == null && !viewModel.evalMetrics().isEmpty()) {
                choice.setValue(viewModel.evalMetrics().contains("eval_loss") ? "eval_loss"
                        : viewModel.evalMetrics().get(0));
            }
        });
        return choice;
    }
}
