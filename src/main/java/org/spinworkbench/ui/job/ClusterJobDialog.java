package org.spinworkbench.ui.job;

import ai.djl.Device;
import java.io.File;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.ui.common.Alerts;
import org.spinworkbench.ui.common.AppIcons;
import org.spinworkbench.ui.common.DesktopOpener;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.OwnThreadExecutor;
import org.spinworkbench.ui.common.Styles;
import org.spinworkbench.ui.common.TaskExecutor;

/**
 * A cluster job, either way: "Export as cluster job" writes a folder that trains the run's next
 * iteration with the SPIN reference (accelerate + DeepSpeed), "Import cluster job" brings its
 * result back. A window of its own that stays open until the work is done.
 */
public final class ClusterJobDialog {
    private final Stage stage = new Stage();
    private final ClusterJobViewModel viewModel;
    private final Messages messages;

    /** The dialog that writes run {@code runId}'s next iteration as a job. */
    public static ClusterJobDialog exporting(Window owner, Workspace workspace, TaskExecutor executor, Messages messages,
                                             Device device, long runId) {
        return new ClusterJobDialog(owner, ClusterJobViewModel.exporting(workspace, executor, new OwnThreadExecutor(),
                messages, device, runId), messages);
    }

    /** The dialog that imports a job; {@code onImported} refreshes what shows the runs. */
    public static ClusterJobDialog importing(Window owner, Workspace workspace, TaskExecutor executor,
                                             Messages messages, Device device, Runnable onImported) {
        return new ClusterJobDialog(owner, ClusterJobViewModel.importing(workspace, executor, new OwnThreadExecutor(),
                messages, device, onImported), messages);
    }

    ClusterJobDialog(Window owner, ClusterJobViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        boolean export = viewModel.mode() == ClusterJobViewModel.Mode.EXPORT;
        stage.initOwner(owner);
        stage.setTitle(messages.get(export ? "job.export.title" : "job.import.title"));
        stage.getIcons().setAll(AppIcons.load());
        stage.setScene(new Scene(Styles.apply(content(export)), 680, export ? 460 : 300));
        stage.setMinWidth(520);
        stage.setMinHeight(260);
        stage.setOnCloseRequest(event -> {
            if (viewModel.busyProperty().get()) {
                event.consume(); // a half-written job or a half-imported iteration is worth nothing
            }
        });
        Alerts.showFailures(stage, messages, viewModel.failureProperty());
    }

    public void show() {
        assert Platform.isFxApplicationThread();
        stage.show();
        stage.toFront();
        viewModel.load();
    }

    private VBox content(boolean export) {
        Label heading = new Label();
        heading.setId("jobHeading");
        heading.setWrapText(true);
        heading.getStyleClass().add("export-heading");
        heading.textProperty().bind(viewModel.headingProperty());

        TextField folder = new TextField();
        folder.setId("jobFolder");
        folder.setPromptText(messages.get(export ? "job.export.folder.prompt" : "job.import.folder.prompt"));
        folder.textProperty().bindBidirectional(viewModel.folderProperty());
        folder.disableProperty().bind(viewModel.busyProperty());
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button browse = new Button(messages.get("export.browse"));
        browse.setId("jobBrowse");
        browse.disableProperty().bind(viewModel.busyProperty());
        browse.setOnAction(event -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(messages.get(export ? "job.export.folder.choose" : "job.import.folder.choose"));
            File chosen = chooser.showDialog(stage);
            if (chosen != null) {
                viewModel.folderProperty().set(chosen.getAbsolutePath());
            }
        });
        HBox folderRow = new HBox(8, new Label(messages.get("job.folder")), folder, browse);
        folderRow.setAlignment(Pos.CENTER_LEFT);

        Button start = new Button(messages.get(export ? "job.export.button" : "job.import.button"));
        start.setId("jobStart");
        start.getStyleClass().add("accent");
        start.disableProperty().bind(viewModel.canStartProperty().not());
        start.setOnAction(event -> viewModel.start());
        HBox actionRow = new HBox(8);
        actionRow.setAlignment(Pos.CENTER_LEFT);
        if (export) {
            Spinner<Integer> gpus = new Spinner<>(1, 1024, viewModel.gpusProperty().get());
            gpus.setId("jobGpus");
            gpus.setEditable(true);
            gpus.setPrefWidth(90);
            gpus.disableProperty().bind(viewModel.busyProperty());
            gpus.valueProperty().addListener((o, before, now) -> viewModel.gpusProperty().set(now));
            actionRow.getChildren().addAll(new Label(messages.get("job.export.gpus")), gpus);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        actionRow.getChildren().addAll(spacer, start);

        ProgressBar progress = new ProgressBar(-1);
        progress.setId("jobProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.visibleProperty().bind(viewModel.busyProperty());
        Label message = new Label();
        message.setId("jobMessage");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());

        Button close = new Button(messages.get("button.close"));
        close.setId("jobClose");
        close.setCancelButton(true);
        close.disableProperty().bind(viewModel.busyProperty());
        close.setOnAction(event -> stage.close());
        ButtonBar.setButtonData(close, ButtonBar.ButtonData.CANCEL_CLOSE);
        Button open = new Button(messages.get("export.openFolder"));
        open.setId("jobOpenFolder");
        open.visibleProperty().bind(viewModel.writtenProperty().isNotNull());
        open.setOnAction(event -> DesktopOpener.open(viewModel.writtenProperty().get()));
        ButtonBar.setButtonData(open, ButtonBar.ButtonData.LEFT);
        ButtonBar buttons = new ButtonBar();
        buttons.getButtons().setAll(open, close);

        VBox root = new VBox(12, heading, folderRow, actionRow, progress, message);
        if (export) {
            Label notesLabel = new Label(messages.get("job.export.notes"));
            notesLabel.visibleProperty().bind(Bindings.isNotEmpty(viewModel.notes()));
            ListView<String> notes = new ListView<>(viewModel.notes());
            notes.setId("jobNotes");
            notes.visibleProperty().bind(Bindings.isNotEmpty(viewModel.notes()));
            notes.setCellFactory(list -> new ListCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty || item == null ? null : item.replace("**", "").replace("`", ""));
                    setWrapText(true);
                    setPrefWidth(0);
                }
            });
            VBox.setVgrow(notes, Priority.ALWAYS);
            root.getChildren().addAll(notesLabel, notes);
        }
        root.getChildren().add(buttons);
        root.setId("clusterJobDialog");
        root.getStyleClass().add("export-dialog");
        return root;
    }
}
