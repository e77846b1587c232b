package org.spinworkbench.ui.export;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.spinworkbench.lm.hf.DType;
import org.spinworkbench.runs.IterationDatasets;
import org.spinworkbench.store.Split;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.ui.common.ErrorMessages;
import org.spinworkbench.ui.common.Failure;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.TaskExecutor;

/**
 * The export dialog's state: which iteration, where to, and how the export went. A model goes
 * to a Hugging Face folder, the iteration's pairs to a SPIN-layout JSON Lines file.
 *
 * <p>Threading: commands are called, and properties change, on the FX thread. Store reads and
 * target checks go to {@code store}; the writing itself, which can take minutes for a large
 * model, goes to {@code writer}, so the workbench's shared store worker is never held up.
 * Writing over something that exists waits for {@link #confirmReplace()}.
 */
public final class ExportViewModel {
    private final Workspace workspace;
    private final TaskExecutor store;
    private final TaskExecutor writer;
    private final Messages messages;
    private final long runId;
    private final ModelExporter models;

    private final ObservableList<ExportableIteration> iterations = FXCollections.observableArrayList();
    private final ObservableList<ExportableIteration> readOnlyIterations =
            FXCollections.unmodifiableObservableList(iterations);
    private final ObjectProperty<ExportableIteration> iteration = new SimpleObjectProperty<>();
    private final ObjectProperty<DType> dtype = new SimpleObjectProperty<>(DType.F32);
    private final StringProperty modelFolder = new SimpleStringProperty("");
    private final ObjectProperty<Split> split = new SimpleObjectProperty<>(Split.TRAIN);
    private final StringProperty datasetFile = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Failure> failure = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> written = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper replaceQuestion = new ReadOnlyStringWrapper();
    private final BooleanBinding canExportModel;
    private final BooleanBinding canExportDataset;
    private Runnable onReplaceConfirmed;

    public ExportViewModel(Workspace workspace, TaskExecutor store, TaskExecutor writer, Messages messages, long runId,
                           ModelExporter models) {
        this.workspace = workspace;
        this.store = store;
        this.writer = writer;
        this.messages = messages;
        this.runId = runId;
        this.models = models;
        canExportModel = Bindings.createBooleanBinding(() -> !busy.get() && iteration.get() != null
                && iteration.get().hasModel() && !modelFolder.get().isBlank(), busy, iteration, modelFolder);
        canExportDataset = Bindings.createBooleanBinding(() -> !busy.get() && iteration.get() != null
                && iteration.get().pairs(split.get()) > 0 && !datasetFile.get().isBlank(),
                busy, iteration, split, datasetFile);
    }

    // Properties

    /** The iterations with a model or pairs to export, in order. */
    public ObservableList<ExportableIteration> iterations() {
        return readOnlyIterations;
    }

    public ObjectProperty<ExportableIteration> iterationProperty() {
        return iteration;
    }

    public ObjectProperty<DType> dtypeProperty() {
        return dtype;
    }

    public StringProperty modelFolderProperty() {
        return modelFolder;
    }

    public ObjectProperty<Split> splitProperty() {
        return split;
    }

    public StringProperty datasetFileProperty() {
        return datasetFile;
    }

    /** "Run 3 (SPIN) of Sums": which run this dialog exports. */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** True while loading or writing: nothing else starts meanwhile, and the dialog stays open. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** -1 (indeterminate) while writing: the writers report no progress of their own. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What is happening or what was written, in a sentence. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The folder the last export wrote to (the model's, or the dataset file's), for "Open folder"; null before. */
    public ReadOnlyObjectProperty<Path> writtenProperty() {
        return written.getReadOnlyProperty();
    }

    /** The latest failure, for an error dialog; null while none. */
    public ReadOnlyObjectProperty<Failure> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** The question to ask before writing over an existing folder or file; null while none is pending. */
    public ReadOnlyStringProperty replaceQuestionProperty() {
        return replaceQuestion.getReadOnlyProperty();
    }

    public BooleanBinding canExportModelProperty() {
        return canExportModel;
    }

    public BooleanBinding canExportDatasetProperty() {
        return canExportDataset;
    }

    /** "Iteration 2 — model, 9 + 3 pairs", as the iteration list shows it. */
    public String describe(ExportableIteration choice) {
        return choice == null ? "" : choice.describe(messages);
    }

    // Commands

    /** Reads the run and its iterations; selects the last one. */
    public void load() {
        busy.set(true);
        message.set(messages.get("export.loading"));
        store.execute(() -> ExportChoices.load(workspace, runId), choices -> {
            heading.set(messages.get("export.heading", runId, choices.run().kind().name(), choices.projectName()));
            iterations.setAll(choices.iterations());
            dtype.set(choices.precision()); // the base model's own: a float16 model is not written twice the size
            iteration.set(iterations.isEmpty() ? null : iterations.get(iterations.size() - 1));
            message.set(iterations.isEmpty() ? messages.get("export.nothing") : "");
            busy.set(false);
        }, error -> {
            message.set("");
            fail(messages.get("export.loadFailed"), ErrorMessages.describe(error, messages));
        });
    }

    /** Exports the chosen iteration's model, asking first when the folder has files in it. */
    public void exportModel() {
        if (!canExportModel.get()) {
            return;
        }
        Path folder = path(modelFolder.get(), "export.model.failed");
        if (folder == null) {
            return;
        }
        int chosen = iteration.get().iteration();
        DType type = dtype.get();
        check(() -> ExportTarget.ofFolder(folder), folder, "export.model.failed", "export.replace.folder",
                "export.wrongKind.folder", replace -> writeModel(chosen, type, folder, replace));
    }

    /** Exports the chosen iteration's pairs of the chosen split, asking first when the file exists. */
    public void exportDataset() {
        if (!canExportDataset.get()) {
            return;
        }
        Path file = path(datasetFile.get(), "export.dataset.failed");
        if (file == null) {
            return;
        }
        int chosen = iteration.get().iteration();
        Split which = split.get();
        check(() -> ExportTarget.ofFile(file), file, "export.dataset.failed", "export.replace.file",
                "export.wrongKind.file", replace -> writeDataset(chosen, which, file));
    }

    /** The user agreed to write over what is there. */
    public void confirmReplace() {
        Runnable pending = onReplaceConfirmed;
        onReplaceConfirmed = null;
        replaceQuestion.set(null);
        if (pending != null) {
            pending.run();
        }
    }

    /** The user kept what is there: nothing is written. */
    public void declineReplace() {
        onReplaceConfirmed = null;
        replaceQuestion.set(null);
        busy.set(false);
        progress.set(0); // nothing was written: no full bar
        message.set(messages.get("export.notReplaced"));
    }

    private interface TargetCheck {
        ExportTarget.State state() throws Exception;
    }

    private interface Write {
        void start(boolean replace);
    }

    private void check(TargetCheck check, Path target, String failedKey, String questionKey, String wrongKindKey,
                       Write write) {
        busy.set(true);
        failure.set(null);
        written.set(null);
        progress.set(0);
        message.set("");
        store.execute(check::state, state -> {
            switch (state) {
                case FREE -> write.start(false);
                case WRONG_KIND -> fail(messages.get(failedKey), messages.get(wrongKindKey, target));
                case TAKEN -> {
                    onReplaceConfirmed = () -> write.start(true);
                    replaceQuestion.set(messages.get(questionKey, target));
                }
            }
        }, error -> fail(messages.get(failedKey), ExportErrors.describe(error, target, messages)));
    }

    private void writeModel(int chosen, DType type, Path folder, boolean replace) {
        writing(messages.get("export.model.writing", chosen, folder));
        writer.execute(() -> {
            models.export(runId, chosen, folder, type, replace);
            return folder;
        }, folderWritten -> done(messages.get("export.model.done", chosen, folderWritten, type.name()), folderWritten),
                error -> fail(messages.get("export.model.failed"), ExportErrors.describe(error, folder, messages)));
    }

    private void writeDataset(int chosen, Split which, Path file) {
        writing(messages.get("export.dataset.writing", chosen, file));
        writer.execute(() -> new IterationDatasets(workspace).export(runId, chosen, which, file),
                count -> done(messages.get("export.dataset.done", count, chosen, file), file.getParent()),
                error -> fail(messages.get("export.dataset.failed"), ExportErrors.describe(error, file, messages)));
    }

    private void writing(String text) {
        busy.set(true);
        progress.set(-1);
        message.set(text);
    }

    private void done(String text, Path folder) {
        progress.set(1);
        message.set(text);
        written.set(folder);
        busy.set(false);
    }

    private void fail(String header, String reason) {
        progress.set(0);
        busy.set(false);
        message.set(reason);
        failure.set(new Failure(header, reason));
    }

    private Path path(String text, String failedKey) {
        try {
            return Path.of(text.strip()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            fail(messages.get(failedKey), messages.get("export.error.invalidPath", text));
            return null;
        }
    }
}
