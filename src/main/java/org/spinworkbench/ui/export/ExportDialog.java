package org.spinworkbench.ui.export;

import ai.djl.Device;
import java.io.File;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.StringConverter;
import org.spinworkbench.lm.hf.DType;
import org.spinworkbench.runs.ModelExports;
import org.spinworkbench.store.Split;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.ui.common.Alerts;
import org.spinworkbench.ui.common.AppIcons;
import org.spinworkbench.ui.common.DesktopOpener;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.OwnThreadExecutor;
import org.spinworkbench.ui.common.SafeConfirmation;
import org.spinworkbench.ui.common.Styles;
import org.spinworkbench.ui.common.TaskExecutor;
import org.spinworkbench.ui.job.ClusterJobDialog;

/**
 * Export a run: an iteration's model as a Hugging Face folder (F32, F16 or BF16), or the
 * iteration's pairs in the SPIN reference layout. A window of its own, so the workbench stays
 * usable while a large model is written; it stays open until the writing has finished.
 */
public final class ExportDialog {
    private final Stage stage = new Stage();
    private final ExportViewModel viewModel;
    private final Messages messages;
    private final Consumer<Stage> openJob;

    /**
     * {@code executor} reads the store; the writing runs on a thread of its own. A cluster job's
     * pairs are made on {@code device}.
     */
    public ExportDialog(Stage owner, Workspace workspace, TaskExecutor executor, Messages messages, long runId,
                        Device device) {
        this(owner, new ExportViewModel(workspace, executor, new OwnThreadExecutor(), messages, runId,
                new ModelExports(workspace)::export), messages,
                dialog -> ClusterJobDialog.exporting(dialog, workspace, executor, messages, device, runId).show());
    }

    ExportDialog(Stage owner, ExportViewModel viewModel, Messages messages, Consumer<Stage> openJob) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.openJob = openJob;
        stage.initOwner(owner);
        stage.setTitle(messages.get("export.title"));
        stage.getIcons().setAll(AppIcons.load());
        stage.setScene(new Scene(Styles.apply(content()), 720, 540));
        stage.setMinWidth(560);
        stage.setMinHeight(400);
        stage.setOnCloseRequest(event -> {
            if (viewModel.busyProperty().get()) {
                event.consume(); // half a model is worth nothing: the writing finishes first
            }
        });
        viewModel.replaceQuestionProperty().addListener((o, before, question) -> {
            if (question != null) {
                new SafeConfirmation(stage, SafeConfirmation.Texts.named("exportReplace",
                        messages.get("export.replace.title"), question,
                        messages.get("export.replace.content"), messages.get("export.replace.confirm"),
                        messages.get("export.replace.keep"))).show(viewModel::confirmReplace, viewModel::declineReplace);
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

    private VBox content() {
        Label heading = new Label();
        heading.setId("exportHeading");
        heading.getStyleClass().add("export-heading");
        heading.textProperty().bind(viewModel.headingProperty());

        ComboBox<ExportableIteration> iteration = new ComboBox<>(viewModel.iterations());
        iteration.setId("exportIteration");
        iteration.valueProperty().bindBidirectional(viewModel.iterationProperty());
        iteration.setConverter(converter(viewModel::describe));
        iteration.setButtonCell(cell(viewModel::describe));
        iteration.setCellFactory(list -> cell(viewModel::describe));
        iteration.setMaxWidth(Double.MAX_VALUE);
        iteration.disableProperty().bind(viewModel.busyProperty());
        HBox.setHgrow(iteration, Priority.ALWAYS);
        HBox iterationRow = new HBox(8, new Label(messages.get("export.iteration.label")), iteration);
        iterationRow.setAlignment(Pos.CENTER_LEFT);

        ProgressBar progress = new ProgressBar(0);
        progress.setId("exportProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.visibleProperty().bind(viewModel.progressProperty().isNotEqualTo(0, 0));
        Label message = new Label();
        message.setId("exportMessage");
        message.setWrapText(true);
        message.getStyleClass().add("export-message");
        message.textProperty().bind(viewModel.messageProperty());

        Button close = new Button(messages.get("button.close"));
        close.setId("exportClose");
        close.setCancelButton(true);
        close.disableProperty().bind(viewModel.busyProperty());
        close.setOnAction(event -> stage.close());
        ButtonBar.setButtonData(close, ButtonBar.ButtonData.CANCEL_CLOSE);
        Button open = new Button(messages.get("export.openFolder"));
        open.setId("exportOpenFolder");
        open.visibleProperty().bind(viewModel.writtenProperty().isNotNull());
        open.disableProperty().bind(viewModel.busyProperty());
        open.setOnAction(event -> DesktopOpener.open(viewModel.writtenProperty().get()));
        ButtonBar.setButtonData(open, ButtonBar.ButtonData.LEFT);
        ButtonBar buttons = new ButtonBar();
        buttons.getButtons().setAll(open, close);

        VBox root = new VBox(12, heading, iterationRow, section("export.model.heading"), modelForm(),
                section("export.dataset.heading"), datasetForm(), section("export.job.heading"), jobRow(), progress,
                message, buttons);
        root.setId("exportDialog");
        root.getStyleClass().add("export-dialog");
        VBox.setVgrow(message, Priority.ALWAYS);
        return root;
    }

    private GridPane modelForm() {
        ComboBox<DType> dtype = new ComboBox<>();
        dtype.getItems().setAll(DType.values());
        dtype.setId("exportDtype");
        dtype.valueProperty().bindBidirectional(viewModel.dtypeProperty());
        dtype.setConverter(converter(this::dtypeName));
        dtype.disableProperty().bind(viewModel.busyProperty());
        TextField folder = pathField("exportModelFolder", "export.model.folder.prompt");
        folder.textProperty().bindBidirectional(viewModel.modelFolderProperty());
        Button browse = browseButton("exportModelBrowse");
        browse.setOnAction(event -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(messages.get("export.model.folder.choose"));
            File chosen = chooser.showDialog(stage);
            if (chosen != null) {
                viewModel.modelFolderProperty().set(chosen.getAbsolutePath());
            }
        });
        Button export = actionButton("exportModelButton", "export.model.button");
        export.disableProperty().bind(viewModel.canExportModelProperty().not());
        export.setOnAction(event -> viewModel.exportModel());
        return form(messages.get("export.model.dtype"), dtype, folder, browse, export);
    }

    private GridPane datasetForm() {
        ComboBox<Split> split = new ComboBox<>();
        split.getItems().setAll(Split.TRAIN, Split.EVAL);
        split.setId("exportSplit");
        split.valueProperty().bindBidirectional(viewModel.splitProperty());
        split.setConverter(converter(s -> s == null ? "" : s == Split.TRAIN
                ? messages.get("export.dataset.split.train") : messages.get("export.dataset.split.eval")));
        split.disableProperty().bind(viewModel.busyProperty());
        TextField file = pathField("exportDatasetFile", "export.dataset.file.prompt");
        file.textProperty().bindBidirectional(viewModel.datasetFileProperty());
        Button browse = browseButton("exportDatasetBrowse");
        browse.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(messages.get("export.dataset.file.choose"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                    messages.get("export.dataset.file.filter"), "*.jsonl"));
            ExportableIteration chosen = viewModel.iterationProperty().get();
            chooser.setInitialFileName("spin-iteration-" + (chosen == null ? 0 : chosen.iteration()) + ".jsonl");
            File picked = chooser.showSaveDialog(stage);
            if (picked != null) {
                viewModel.datasetFileProperty().set(picked.getAbsolutePath());
            }
        });
        Button export = actionButton("exportDatasetButton", "export.dataset.button");
        export.disableProperty().bind(viewModel.canExportDatasetProperty().not());
        export.setOnAction(event -> viewModel.exportDataset());
        return form(messages.get("export.dataset.split"), split, file, browse, export);
    }

    /** "Export as cluster job…": a dialog of its own, for the run's next iteration. */
    private HBox jobRow() {
        Button job = new Button(messages.get("export.job.button"));
        job.setId("exportJobButton");
        job.disableProperty().bind(viewModel.busyProperty());
        job.setOnAction(event -> openJob.accept(stage));
        return new HBox(8, job);
    }

    /** One row of the choice (dtype or split), one of the target with Browse, the action on the right. */
    private GridPane form(String choiceLabel, ComboBox<?> choice, TextField target, Button browse, Button action) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.add(new Label(choiceLabel), 0, 0);
        grid.add(choice, 1, 0);
        grid.add(new Label(messages.get("export.target")), 0, 1);
        grid.add(target, 1, 1);
        grid.add(browse, 2, 1);
        grid.add(action, 3, 1);
        GridPane.setHgrow(target, Priority.ALWAYS);
        return grid;
    }

    private Label section(String key) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add("export-section");
        return label;
    }

    private TextField pathField(String id, String promptKey) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(messages.get(promptKey));
        field.disableProperty().bind(viewModel.busyProperty());
        return field;
    }

    private Button browseButton(String id) {
        Button browse = new Button(messages.get("export.browse"));
        browse.setId(id);
        browse.disableProperty().bind(viewModel.busyProperty());
        return browse;
    }

    private Button actionButton(String id, String key) {
        Button button = new Button(messages.get(key));
        button.setId(id);
        button.getStyleClass().add("accent");
        return button;
    }

    private String dtypeName(DType type) {
        if (type == null) {
            return "";
        }
        return switch (type) {
            case F32 -> messages.get("export.dtype.single");
            case F16 -> messages.get("export.dtype.half");
            case BF16 -> messages.get("export.dtype.brain");
        };
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("a choice, not typed in");
            }
        };
    }

    private static <T> ListCell<T> cell(Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }
}
