package org.spinworkbench.ui.dashboard;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.ChartPlugin;
import io.fair_acc.chartfx.plugins.DataPointTooltip;
import io.fair_acc.chartfx.plugins.EditAxis;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.DataSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.spinworkbench.ui.common.Messages;

/**
 * One chart of the dashboard: its title, the curves (zoom by dragging, Reset zoom to see it
 * all again, hover for values), a dashed line where each iteration ends, and Save PNG.
 * The chart only reads its data sets; they are written on the dashboard's chart writer.
 */
final class ChartPanel {
    private static final String[] COLOURS = {"#3b5bdb", "#e8590c", "#2b8a3e", "#c2255c"};

    private final String id;
    private final Messages messages;
    private final DefaultNumericAxis xAxis;
    private final XYChart chart;
    private final Zoomer zoomer = new Zoomer();
    private final ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
    private final List<ChartPlugin> indicators = new ArrayList<>();
    private final VBox root;
    private final HBox bar;

    /**
     * @param id       the node ids' stem: {@code chart-loss}, {@code chart-loss-png}, ...
     * @param markers  points drawn as markers (one per iteration) rather than as a line alone
     * @param onExport asked to save the chart's picture
     */
    ChartPanel(String id, String title, Messages messages, boolean markers, ObservableList<Long> boundaries,
               Consumer<ChartPanel> onExport) {
        this.id = id;
        this.messages = messages;
        xAxis = new DefaultNumericAxis(messages.get("dashboard.axis.step"));
        xAxis.setForceZeroInRange(markers); // held-out points: from the base model (step 0) on
        // a little room past the last step: the last iteration's end marker sits on it, and one
        // exactly on the axis' end is not drawn
        xAxis.setAutoRangePadding(markers ? 0.05 : 0.01);
        xAxis.setUnit(null); // a step has no unit: no empty "[]" after the name
        DefaultNumericAxis yAxis = new DefaultNumericAxis();
        yAxis.setName(null); // the chart's title says what it shows
        yAxis.setUnit(null);
        yAxis.setForceZeroInRange(false);
        yAxis.setAutoRangePadding(0.05);
        yAxis.setTickLabelFormatter(TickLabels.values());
        xAxis.setTickLabelFormatter(TickLabels.steps());
        chart = new XYChart(xAxis, yAxis);
        chart.setId(id);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setMinHeight(190);
        chart.setPrefHeight(230);
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setDrawMarker(markers);
        chart.getRenderers().setAll(renderer);
        zoomer.setSliderVisible(false);
        zoomer.setAnimated(false);
        chart.getPlugins().addAll(zoomer, new EditAxis(), new DataPointTooltip());

        Label heading = new Label(title);
        heading.getStyleClass().add("dashboard-chart-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button reset = new Button(messages.get("dashboard.chart.resetZoom"));
        reset.setId(id + "-reset");
        reset.getStyleClass().add("dashboard-chart-button");
        reset.setOnAction(event -> resetZoom());
        Button png = new Button(messages.get("dashboard.chart.exportPng"));
        png.setId(id + "-png");
        png.getStyleClass().add("dashboard-chart-button");
        png.setOnAction(event -> onExport.accept(this));
        bar = new HBox(6, heading, gap, reset, png);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(chart, Priority.ALWAYS);
        root = new VBox(2, bar, chart);
        root.getStyleClass().add("dashboard-chart");

        boundaries.addListener((ListChangeListener<Long>) change -> markIterations(boundaries));
        markIterations(boundaries);
    }

    /** Puts a control (the held-out metric's choice) in the chart's title bar, before its buttons. */
    void addControl(Node control) {
        bar.getChildren().add(1, control);
    }

    String id() {
        return id;
    }

    Node node() {
        return root;
    }

    XYChart chart() {
        return chart;
    }

    /** A curve, faint when it is the raw line under a smoothed one; {@code colour} pairs the two. */
    void show(DataSet data, int colour, boolean faint) {
        assert Platform.isFxApplicationThread();
        String paint = COLOURS[colour % COLOURS.length];
        data.setStyle(faint ? "-fx-line-color: " + paint + "55; -fx-line-width: 1; -fx-show-in-legend: false;"
                : "-fx-line-color: " + paint + "; -fx-marker-color: " + paint + "; -fx-line-width: 2; -fx-marker-size: 5;");
        renderer.getDatasets().add(data);
        chart.setLegendVisible(renderer.getDatasets().size() > 2);
    }

    /** Shows {@code data} alone (the held-out metric chosen). */
    void showOnly(DataSet data) {
        assert Platform.isFxApplicationThread();
        renderer.getDatasets().clear();
        if (data != null) {
            show(data, 0, false);
        }
    }

    List<DataSet> shown() {
        return List.copyOf(renderer.getDatasets());
    }

    void resetZoom() {
        assert Platform.isFxApplicationThread();
        zoomer.zoomOrigin();
        xAxis.setAutoRanging(true);
        chart.getYAxis().setAutoRanging(true);
    }

    /** The chart as it is shown with its title, for Save PNG; its own buttons are left out of the picture. */
    WritableImage picture() {
        assert Platform.isFxApplicationThread();
        List<Node> buttons = bar.getChildren().stream().filter(node -> node instanceof Button).toList();
        buttons.forEach(button -> button.setVisible(false));
        try {
            return root.snapshot(null, null);
        } finally {
            buttons.forEach(button -> button.setVisible(true));
        }
    }

    List<Double> iterationMarks() {
        return indicators.stream().map(plugin -> ((XValueIndicator) plugin).getValue()).toList();
    }

    private void markIterations(List<Long> ends) {
        chart.getPlugins().removeAll(indicators);
        indicators.clear();
        for (int i = 0; i < ends.size(); i++) {
            XValueIndicator end = new XValueIndicator(xAxis, ends.get(i),
                    messages.get("dashboard.chart.boundary", i + 1));
            end.setEditable(false);
            // inside the iteration it ends, at the top: the last one is not cut at the axis' end
            end.setLabelHorizontalAnchor(HPos.RIGHT);
            end.setLabelPosition(0.96); // 0 is the bottom of the plot, 1 its top
            indicators.add(end);
        }
        chart.getPlugins().addAll(indicators);
    }
}
