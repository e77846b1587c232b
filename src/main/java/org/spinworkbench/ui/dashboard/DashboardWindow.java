package org.spinworkbench.ui.dashboard;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.spinworkbench.io.Problems;
import org.spinworkbench.runs.LiveRuns;
import org.spinworkbench.ui.common.Alerts;
import org.spinworkbench.ui.common.AppIcons;
import org.spinworkbench.ui.common.ErrorMessages;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.SafeConfirmation;
import org.spinworkbench.ui.common.Styles;
import org.spinworkbench.ui.common.TaskExecutor;

/**
 * A run's dashboard window: its curves (live while it trains), where it stands, Cancel and
 * Resume, and its log. One per run; closing it stops listening, never the run.
 *
 * <p>The chart data sets are written on a thread of the window's own (see
 * {@link DashboardViewModel}); it ends when the window closes.
 */
public final class DashboardWindow {
    private final Stage stage = new Stage();
    private final DashboardViewModel viewModel;
    private final TaskExecutor executor;
    private final Messages messages;
    private ExportTarget exports = new FileChooserTarget(); // picks the files exports go to
    private final ExecutorService chartWriter;
    private final ChartPanels charts;

    public DashboardWindow(Stage owner, LiveRuns liveRuns, TaskExecutor executor, Messages messages, long runId,
                           Runnable onRunChanged) {
        this.executor = executor;
        this.messages = messages;
        this.chartWriter = Executors.newSingleThreadExecutor(work -> {
            Thread thread = new Thread(work, "dashboard-charts-run-" + runId);
            thread.setDaemon(true);
            return thread;
        });
        Executor drawing = work -> {
            try {
                chartWriter.execute(work);
            } catch (RejectedExecutionException closed) {
                // the window is gone: nothing draws the point any more
            }
        };
        this.viewModel = new DashboardViewModel(liveRuns.workspace(), liveRuns,
                new DashboardThreads(executor, Platform::runLater, drawing, System::nanoTime), messages, runId,
                onRunChanged);
        this.charts = new ChartPanels(viewModel, messages, this::exportPng);
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setUserData(this);
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.getIcons().setAll(AppIcons.load());
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(Styles.apply(content()), Math.min(1180, screen.getWidth() - 40),
                Math.min(860, screen.getHeight() - 60)));
        stage.setMinWidth(Math.min(760, screen.getWidth()));
        stage.setMinHeight(Math.min(560, screen.getHeight()));
        stage.setOnHidden(event -> {
            viewModel.close();
            chartWriter.shutdown();
        });
        viewModel.open();
    }

    /** The dashboard already open on {@code runId}, if any: there is one window per run. */
    public static Optional<DashboardWindow> find(long runId) {
        assert Platform.isFxApplicationThread();
        return Window.getWindows().stream().map(Window::getUserData)
                .filter(DashboardWindow.class::isInstance).map(DashboardWindow.class::cast)
                .filter(window -> window.viewModel.runId() == runId).findFirst();
    }

    /** Files for exports are picked by {@code chooser}: tests answer without a native dialog. */
    void chooseFilesWith(ExportTarget chooser) {
        this.exports = chooser;
    }

    public void show() {
        assert Platform.isFxApplicationThread();
        stage.show();
        stage.toFront();
    }

    /** The run this dashboard shows. */
    public long runId() {
        return viewModel.runId();
    }

    public boolean isShowing() {
        return stage.isShowing();
    }

    DashboardViewModel viewModel() {
        return viewModel;
    }

    ChartPanels charts() {
        return charts;
    }

    private VBox content() {
        Label title = label("dashboardTitle", "dashboard-title");
        title.textProperty().bind(viewModel.titleProperty());
        Label status = label("dashboardStatus", "dashboard-status");
        status.textProperty().bind(viewModel.statusTextProperty());
        HBox heading = new HBox(14, title, status);
        heading.setAlignment(Pos.BASELINE_LEFT);

        Label iteration = label("dashboardIteration", "dashboard-iteration");
        iteration.textProperty().bind(viewModel.progress().iterationTextProperty());
        Label phase = label("dashboardPhase", "dashboard-phase");
        phase.textProperty().bind(viewModel.progress().phaseTextProperty());
        Label step = label("dashboardStep", "dashboard-muted");
        step.textProperty().bind(viewModel.progress().stepTextProperty());
        HBox where = new HBox(12, iteration, phase, step);
        where.setAlignment(Pos.BASELINE_LEFT);

        ProgressBar bar = new ProgressBar(0);
        bar.setId("dashboardProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(viewModel.progress().progressProperty());
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label counted = label("dashboardProgressText", "dashboard-muted");
        counted.textProperty().bind(viewModel.progress().progressTextProperty());
        Label eta = label("dashboardEta", "dashboard-muted");
        eta.textProperty().bind(viewModel.progress().etaTextProperty());
        Label speed = label("dashboardThroughput", "dashboard-muted");
        speed.textProperty().bind(viewModel.progress().throughputTextProperty());
        HBox progress = new HBox(10, bar, counted, eta, speed);
        progress.setAlignment(Pos.CENTER_LEFT);

        ScrollPane chartArea = new ScrollPane(charts.grid());
        chartArea.setFitToWidth(true);
        chartArea.setId("dashboardCharts");
        SplitPane split = new SplitPane(chartArea, logPanel());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.78);
        VBox.setVgrow(split, Priority.ALWAYS);

        Label message = label("dashboardMessage", "dashboard-muted");
        message.textProperty().bind(viewModel.exports().messageProperty());

        VBox root = new VBox(8, heading, where, progress, toolbar(), split, message);
        root.setId("dashboardWindow");
        root.getStyleClass().add("dashboard-window");
        return root;
    }

    private HBox toolbar() {
        Label smoothingLabel = new Label(messages.get("dashboard.smoothing"));
        Slider smoothing = new Slider(0, Ema.MAX_WEIGHT, DashboardViewModel.DEFAULT_SMOOTHING);
        smoothing.setId("dashboardSmoothing");
        smoothing.setPrefWidth(180);
        Label smoothingValue = label("dashboardSmoothingValue", "dashboard-muted");
        smoothingValue.textProperty().bind(smoothing.valueProperty().asString("%.2f"));
        smoothing.valueProperty().addListener((o, before, now) -> viewModel.smoothWith(now.doubleValue()));

        Button csv = new Button(messages.get("dashboard.exportCsv"));
        csv.setId("dashboardExportCsv");
        csv.setOnAction(event -> exportCsv());
        Button cancel = new Button(messages.get("dashboard.cancel"));
        cancel.setId("dashboardCancel");
        cancel.disableProperty().bind(viewModel.stateProperty().isNotEqualTo(DashboardViewModel.State.TRAINING));
        cancel.setOnAction(event -> new SafeConfirmation(stage, SafeConfirmation.Texts.named("cancelRun",
                messages.get("dashboard.stop.title"), messages.get("dashboard.stop.header"),
                messages.get("dashboard.stop.content"), messages.get("dashboard.stop.confirm"),
                messages.get("dashboard.stop.keep"))).show(viewModel::cancel));
        Button resume = new Button(messages.get("dashboard.resume"));
        resume.setId("dashboardResume");
        resume.getStyleClass().add("accent");
        resume.disableProperty().bind(viewModel.stateProperty().isNotEqualTo(DashboardViewModel.State.STOPPED));
        resume.setOnAction(event -> viewModel.resume(reason -> Alerts.error(stage, messages,
                messages.get("dashboard.resume.failed"), reason).show()));
        Button close = new Button(messages.get("button.close"));
        close.setId("dashboardClose");
        close.setOnAction(event -> stage.close());

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, smoothingLabel, smoothing, smoothingValue, gap, csv, cancel, resume, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private VBox logPanel() {
        ListView<String> log = new ListView<>(viewModel.log());
        log.setId("dashboardLog");
        log.getStyleClass().add("dashboard-log");
        log.setPlaceholder(new Label(messages.get("dashboard.log.placeholder")));
        viewModel.log().addListener((ListChangeListener<String>) change -> log.scrollTo(log.getItems().size() - 1));
        VBox.setVgrow(log, Priority.ALWAYS);
        Label heading = new Label(messages.get("dashboard.log.heading"));
        heading.getStyleClass().add("dashboard-section");
        return new VBox(4, heading, log);
    }

    private void exportCsv() {
        assert Platform.isFxApplicationThread();
        exports.choose(stage, messages.get("dashboard.exportCsv"), "run-" + viewModel.runId() + "-curves.csv",
                messages.get("dashboard.file.csv"), "csv").ifPresent(file -> viewModel.exports().exportCsv(file, this::exportFailed));
    }

    private void exportPng(ChartPanel panel) {
        assert Platform.isFxApplicationThread();
        Optional<Path> target = exports.choose(stage, messages.get("dashboard.chart.exportPng"),
                "run-" + viewModel.runId() + "-" + panel.id() + ".png", messages.get("dashboard.file.png"), "png");
        if (target.isEmpty()) {
            return;
        }
        var picture = panel.picture();
        executor.execute(() -> ChartPictures.writePng(picture, target.get()), viewModel.exports()::exported,
                failure -> exportFailed(failure instanceof java.io.IOException ? Problems.describe(failure)
                        : ErrorMessages.describe(failure, messages)));
    }

    private void exportFailed(String reason) {
        Alerts.error(stage, messages, messages.get("dashboard.export.failed"), reason).show();
    }

    private static Label label(String id, String styleClass) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(styleClass);
        return label;
    }
}
