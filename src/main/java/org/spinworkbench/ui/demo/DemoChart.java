package org.spinworkbench.ui.demo;

import javafx.collections.ListChangeListener;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import org.spinworkbench.runs.DemoRecipe;
import org.spinworkbench.ui.common.Messages;

/**
 * Held-out accuracy of both arms on one chart, one line per arm, by passes over the training
 * data: SPIN's base model and iterations, the control's base model and its one model. A few
 * points that change on the FX thread, so JavaFX's own chart rather than ChartFX, whose data
 * sets must not be written on the FX thread (DJL_NOTES).
 */
final class DemoChart extends LineChart<Number, Number> {
    private final DemoViewModel viewModel;
    private final XYChart.Series<Number, Number> spin = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> control = new XYChart.Series<>();

    DemoChart(DemoViewModel viewModel, Messages messages) {
        super(new NumberAxis(messages.get("demo.chart.xAxis"), 0,
                DemoRecipe.Arm.CONTROL.passes(1, viewModel.iterations()), 1),
                new NumberAxis(messages.get("demo.chart.yAxis"), 0, 100, 10));
        this.viewModel = viewModel;
        setId("demoChart");
        setTitle(messages.get("demo.chart.heading"));
        setAnimated(false);
        setCreateSymbols(true);
        setMinHeight(200);
        setPrefHeight(230);
        spin.setName(messages.get("demo.chart.spin"));
        control.setName(messages.get("demo.chart.control"));
        getData().setAll(spin, control);
        viewModel.results().addListener((ListChangeListener<DemoResult>) change -> redraw());
        redraw();
    }

    /** The points of {@code arm}'s line: accuracy in percent at the passes each model has had. */
    XYChart.Series<Number, Number> line(DemoRecipe.Arm arm) {
        return arm == DemoRecipe.Arm.SPIN ? spin : control;
    }

    private void redraw() {
        spin.getData().clear();
        control.getData().clear();
        int iterations = viewModel.iterations();
        for (DemoResult result : viewModel.results()) {
            if (result.accuracy() == null) {
                continue;
            }
            double percent = 100 * result.accuracy();
            if (result.isBaseModel()) {
                spin.getData().add(new XYChart.Data<>(0, percent));
                control.getData().add(new XYChart.Data<>(0, percent));
            } else {
                DemoRecipe.Arm arm = result.isControl() ? DemoRecipe.Arm.CONTROL : DemoRecipe.Arm.SPIN;
                line(arm).getData().add(new XYChart.Data<>(arm.passes(result.iteration(), iterations), percent));
            }
        }
    }
}
