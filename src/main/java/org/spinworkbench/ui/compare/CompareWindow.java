package org.spinworkbench.ui.compare;

import ai.djl.Device;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.spinworkbench.lm.ComputeDevice;
import org.spinworkbench.runs.ModelTrial;
import org.spinworkbench.store.Run;
import org.spinworkbench.store.StoreException;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.ui.common.AppIcons;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.Styles;
import org.spinworkbench.ui.common.TaskExecutor;

/**
 * Compare responses: a window of its own, owned by the main window, showing one run's real
 * and synthetic responses per prompt and iteration. Closing it frees the model loaded for
 * "try the model" and ends the thread that ran it.
 */
public final class CompareWindow {
    private final Stage stage = new Stage();
    private final CompareViewModel viewModel;
    private final TryModelViewModel tryModel;
    private final ExecutorService trialThread = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "spin-workbench-model-trial");
        thread.setDaemon(true);
        return thread;
    });
    private boolean loaded;
    private final long runId;

    public CompareWindow(Stage owner, Workspace workspace, TaskExecutor executor, Messages messages, long runId) {
        this(owner, workspace, executor, messages, runId, () -> ComputeDevice.select(ComputeDevice.Choice.AUTO, 0)
                .device());
    }

    /** {@code device} is asked on the trial thread when a model first loads. */
    CompareWindow(Stage owner, Workspace workspace, TaskExecutor executor, Messages messages, long runId,
                  Supplier<Device> device) {
        this.runId = runId;
        viewModel = new CompareViewModel(workspace, executor, messages, runId);
        Supplier<Run> run = () -> workspace.runs().findById(runId)
                .orElseThrow(() -> new StoreException(messages.get("compare.noRun", runId)));
        ModelTrial trial = ModelTrial.ofRun(workspace, run, device);
        tryModel = new TryModelViewModel(trial, messages, trialThread, Platform::runLater);
        viewModel.iterationProperty().addListener((observable, before, now) -> tryModel.setIteration(now));
        viewModel.trialSettingsProperty().addListener((observable, before, now) -> {
            if (now != null) {
                tryModel.useDefaults(now);
            }
        });

        stage.initOwner(owner);
        stage.setUserData(this); // found again when the language changes
        stage.setTitle(messages.get("compare.window.title"));
        viewModel.titleProperty().addListener((observable, before, now) ->
                stage.setTitle(messages.get("compare.window.titleRun", now)));
        stage.getIcons().setAll(AppIcons.load());
        CompareView view = new CompareView(viewModel, tryModel, messages);
        Button close = new Button(messages.get("button.close"));
        close.setId("compareClose");
        close.setCancelButton(true); // Esc closes the window too
        close.setOnAction(event -> stage.close());
        HBox buttons = new HBox(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(6, 10, 8, 10));
        view.setBottom(buttons);
        stage.setScene(new Scene(Styles.apply(view), 1180, 780));
        stage.setMinWidth(760);
        stage.setMinHeight(520);
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> {
            tryModel.close();
            trialThread.shutdown();
        });
    }

    /** Shows the window; the run is read the first time. */
    public void show() {
        assert Platform.isFxApplicationThread();
        stage.show();
        stage.toFront();
        if (!loaded) {
            loaded = true;
            viewModel.load();
        }
    }

    /** The run whose responses this window compares. */
    public long runId() {
        return runId;
    }

    public boolean isShowing() {
        return stage.isShowing();
    }

    public void close() {
        assert Platform.isFxApplicationThread();
        stage.close();
    }

    CompareViewModel viewModel() {
        return viewModel;
    }
}
