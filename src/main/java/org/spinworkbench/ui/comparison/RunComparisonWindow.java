package org.spinworkbench.ui.comparison;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.DataPointTooltip;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.StringConverter;
import org.spinworkbench.store.Project;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.ui.common.Alerts;
import org.spinworkbench.ui.common.AppIcons;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.Styles;
import org.spinworkbench.ui.common.TaskExecutor;

/**
 * Project › Compare runs: the project's runs overlaid on one chart — SPIN against continued
 * SFT, or one β against another — with a tick box per run, the metric and the axis to compare
 * along, and a table of each iteration's values below.
 */
public final class RunComparisonWindow {
    private final Stage stage = new Stage();
    private final RunComparisonViewModel viewModel;
    private final Messages messages;
    private final XYChart chart;

    public RunComparisonWindow(Stage owner, Workspace workspace, TaskExecutor executor, Messages messages,
                               Project project) {
        this(owner, new RunComparisonViewModel(workspace, executor, messages, project), messages);
    }

    RunComparisonWindow(Stage owner, RunComparisonViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.chart = chart();
        stage.initOwner(owner);
        stage.setUserData(this); // found again when the language changes
        stage.setTitle(viewModel.title());
        stage.getIcons().setAll(AppIcons.load());
        stage.setScene(new Scene(Styles.apply(content()), 1100, 720));
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        viewModel.failureProperty().addListener((o, before, reason) -> {
            if (reason != null) {
                Alerts.error(stage, messages, messages.get("comparison.loadFailedHeader"), reason).show();
            }
        });
    }

    public void show() {
        assert Platform.isFxApplicationThread();
        stage.show();
        stage.toFront();
        viewModel.load();
    }

    private BorderPane content() {
        ListView<RunChoice> runs = new ListView<>(viewModel.runs());
        runs.setId("comparisonRuns");
        runs.setCellFactory(CheckBoxListCell.forListView(RunChoice::selectedProperty, converter()));
        runs.setPlaceholder(new Label(messages.get("comparison.runs.placeholder")));
        runs.setPrefWidth(240);
        VBox.setVgrow(runs, Priority.ALWAYS);
        Label runsHeading = new Label(messages.get("comparison.runs.heading"));
        runsHeading.getStyleClass().add("comparison-section");
        VBox left = new VBox(6, runsHeading, runs);

        SplitPane split = new SplitPane(chart, new ComparisonTableView(viewModel, messages));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        VBox.setVgrow(split, Priority.ALWAYS);
        Label message = new Label();
        message.setId("comparisonMessage");
        message.setWrapText(true);
        message.getStyleClass().add("comparison-message");
        message.textProperty().bind(viewModel.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        VBox center = new VBox(8, controls(), message, split);

        BorderPane root = new BorderPane(center);
        root.setLeft(left);
        BorderPane.setMargin(left, new Insets(0, 10, 0, 0));
        root.setId("comparisonWindow");
        root.getStyleClass().add("comparison-window");
        return root;
    }

    private HBox controls() {
        ComboBox<String> metric = new ComboBox<>(viewModel.metrics());
        metric.setId("comparisonMetric");
        metric.valueProperty().bindBidirectional(viewModel.metricProperty());
        metric.setVisibleRowCount(16);
        ComboBox<XAxis> axis = new ComboBox<>();
        axis.getItems().setAll(XAxis.values());
        axis.setId("comparisonAxis");
        axis.valueProperty().bindBidirectional(viewModel.axisProperty());
        axis.setConverter(new StringConverter<>() {
            @Override
            public String toString(XAxis value) {
                return value == null ? "" : axisName(value);
            }

            @Override
            public XAxis fromString(String text) {
                throw new UnsupportedOperationException("a choice, not typed in");
            }
        });
        Button reload = new Button(messages.get("comparison.reload"));
        reload.setId("comparisonReload");
        reload.disableProperty().bind(viewModel.loadingProperty());
        reload.setOnAction(event -> viewModel.load());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox controls = new HBox(8, new Label(messages.get("comparison.metric")), metric,
                new Label(messages.get("comparison.axis")), axis, gap, reload);
        controls.setAlignment(Pos.CENTER_LEFT);
        return controls;
    }

    private XYChart chart() {
        DefaultNumericAxis x = new DefaultNumericAxis(axisName(XAxis.STEP));
        x.nameProperty().bind(Bindings.createStringBinding(() -> axisName(viewModel.axisProperty().get()),
                viewModel.axisProperty()));
        x.setUnit(null); // neither a step nor a metric has a unit: no empty "[]" after the name
        DefaultNumericAxis y = new DefaultNumericAxis("");
        y.setUnit(null);
        y.nameProperty().bind(Bindings.createStringBinding(() -> viewModel.metricProperty().get() == null ? ""
                : viewModel.metricProperty().get(), viewModel.metricProperty()));
        y.setForceZeroInRange(false);
        x.setForceZeroInRange(false);
        XYChart xy = new XYChart(x, y);
        xy.setId("comparisonChart");
        xy.setAnimated(false);
        xy.setLegendVisible(true);
        xy.getPlugins().add(new DataPointTooltip()); // hovering a point shows its value
        // The data sets arrive filled from the worker; the chart only swaps them in.
        Bindings.bindContent(xy.getDatasets(), viewModel.datasets());
        return xy;
    }

    private String axisName(XAxis value) {
        return value == XAxis.ITERATION ? messages.get("comparison.axis.iteration") : messages.get("comparison.axis.step");
    }

    private static StringConverter<RunChoice> converter() {
        return new StringConverter<>() {
            @Override
            public String toString(RunChoice choice) {
                return choice == null ? "" : choice.label();
            }

            @Override
            public RunChoice fromString(String text) {
                throw new UnsupportedOperationException("a choice, not typed in");
            }
        };
    }

    /** The project whose runs this window compares. */
    public Project project() {
        return viewModel.project();
    }
}
