package org.spinworkbench.ui.demo;

import java.util.function.LongConsumer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.spinworkbench.ui.common.AppIcons;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.SafeConfirmation;
import org.spinworkbench.ui.common.Styles;

/**
 * Help › Run the workshop demo: what the demo does, Start / Cancel / Close, the current
 * iteration and phase with its progress and the time left (the phase's and the demo's), both
 * arms' held-out accuracy on one chart, each model's scores per task, the log, and the
 * dashboard of the run going now.
 * A window of its own, owned by the main window, so the workbench stays usable meanwhile.
 */
public final class DemoWindow {
    private final Stage stage = new Stage();
    private final DemoViewModel viewModel;
    private final Messages messages;
    private final LongConsumer openDashboard;

    /** @param openDashboard opens the dashboard of a run of the workspace, by id */
    public DemoWindow(Window owner, DemoViewModel viewModel, Messages messages, LongConsumer openDashboard) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.openDashboard = openDashboard;
        stage.initOwner(owner);
        stage.setTitle(messages.get("demo.title"));
        stage.getIcons().setAll(AppIcons.load());
        stage.setScene(new Scene(Styles.apply(content()), 980, 820));
        stage.setMinWidth(620);
        stage.setMinHeight(480);
        stage.setOnCloseRequest(event -> {
            event.consume(); // closes itself once the user has answered, if there is a question
            requestClose();
        });
    }

    public void show() {
        assert Platform.isFxApplicationThread();
        stage.show();
        stage.toFront();
    }

    public boolean isShowing() {
        return stage.isShowing();
    }

    /** Closes the window; a running demo is stopped first, if the user agrees. */
    public void requestClose() {
        assert Platform.isFxApplicationThread();
        if (viewModel.stateProperty().get() != DemoViewModel.State.RUNNING) {
            stage.close();
            return;
        }
        new SafeConfirmation(stage, SafeConfirmation.Texts.named("stopDemo", messages.get("demo.stop.title"),
                messages.get("demo.stop.header"), messages.get("demo.stop.content"), messages.get("demo.stop.confirm"),
                messages.get("demo.stop.keep"))).show(() -> {
            viewModel.cancel();
            stage.close();
        });
    }

    private VBox content() {
        Label title = label(messages.get("demo.heading"), "demoHeading", "demo-title");
        Label explanation = label(messages.get("demo.explanation"), "demoExplanation", "demo-text");

        Label iteration = label("", "demoIteration", "demo-iteration");
        iteration.textProperty().bind(viewModel.progress().iterationTextProperty());
        Label phase = label("", "demoPhase", "demo-phase");
        phase.textProperty().bind(viewModel.progress().phaseTextProperty());
        HBox where = new HBox(12, iteration, phase);
        where.setAlignment(Pos.BASELINE_LEFT);

        ProgressBar bar = new ProgressBar(0);
        bar.setId("demoProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(viewModel.progress().progressProperty());
        bar.visibleProperty().bind(viewModel.stateProperty().isNotEqualTo(DemoViewModel.State.READY));
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label counted = label("", "demoProgressText", "demo-muted");
        counted.textProperty().bind(viewModel.progress().progressTextProperty());
        Label eta = label("", "demoEta", "demo-muted");
        eta.textProperty().bind(viewModel.progress().etaTextProperty());
        counted.setMinWidth(Region.USE_PREF_SIZE);
        eta.setMinWidth(Region.USE_PREF_SIZE);
        Label total = label("", "demoTotalEta", "demo-muted");
        total.textProperty().bind(viewModel.progress().totalEtaTextProperty());
        total.setMinWidth(Region.USE_PREF_SIZE);
        HBox progress = new HBox(10, bar, counted, eta, total);
        progress.setAlignment(Pos.CENTER_LEFT);

        DemoChart chart = new DemoChart(viewModel, messages);
        DemoResultsTable results = new DemoResultsTable(viewModel, messages);
        results.setPrefHeight(150);
        Label message = label("", "demoMessage", "demo-message");
        message.textProperty().bind(viewModel.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());

        ListView<String> log = new ListView<>(viewModel.log());
        log.setId("demoLog");
        log.getStyleClass().add("demo-log");
        log.setPrefHeight(110);
        log.setPlaceholder(new Label(messages.get("demo.log.placeholder")));
        viewModel.log().addListener((ListChangeListener<String>) change -> log.scrollTo(log.getItems().size() - 1));
        VBox.setVgrow(log, Priority.ALWAYS);

        VBox root = new VBox(10, title, explanation, where, progress,
                chart, label(messages.get("demo.results.heading"), "demoResultsHeading", "demo-section"), results,
                message,
                label(messages.get("demo.log.heading"), "demoLogHeading", "demo-section"), log, buttons());
        root.setId("demoWindow");
        root.getStyleClass().add("demo-window");
        return root;
    }

    private ButtonBar buttons() {
        Button start = new Button(messages.get("demo.start"));
        start.setId("demoStart");
        start.getStyleClass().add("accent");
        start.setDefaultButton(true);
        start.disableProperty().bind(viewModel.busyProperty());
        start.setOnAction(event -> viewModel.start());
        Button cancel = new Button(messages.get("button.cancel"));
        cancel.setId("demoCancel");
        cancel.disableProperty().bind(viewModel.stateProperty().isNotEqualTo(DemoViewModel.State.RUNNING));
        cancel.setOnAction(event -> viewModel.cancel());
        Button dashboard = new Button(messages.get("demo.openDashboard"));
        dashboard.setId("demoOpenDashboard");
        dashboard.disableProperty().bind(viewModel.runIdProperty().isNull());
        dashboard.setOnAction(event -> openDashboard.accept(viewModel.runIdProperty().get()));
        Button close = new Button(messages.get("button.close"));
        close.setId("demoClose");
        close.setOnAction(event -> requestClose());
        ButtonBar.setButtonData(start, ButtonBar.ButtonData.OK_DONE);
        ButtonBar.setButtonData(cancel, ButtonBar.ButtonData.OTHER);
        ButtonBar.setButtonData(dashboard, ButtonBar.ButtonData.LEFT);
        ButtonBar.setButtonData(close, ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonBar bar = new ButtonBar();
        bar.getButtons().setAll(dashboard, start, cancel, close);
        return bar;
    }

    private static Label label(String text, String id, String styleClass) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add(styleClass);
        return label;
    }
}
