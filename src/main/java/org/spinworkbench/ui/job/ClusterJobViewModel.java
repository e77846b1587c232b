package org.spinworkbench.ui.job;

import ai.djl.Device;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.spinworkbench.runs.HandOff;
import org.spinworkbench.runs.RunOutcome;
import org.spinworkbench.runs.job.ClusterJobExport;
import org.spinworkbench.runs.job.ClusterJobImport;
import org.spinworkbench.store.RunStatus;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.TrainingListener;
import org.spinworkbench.ui.common.ErrorMessages;
import org.spinworkbench.ui.common.Failure;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.TaskExecutor;

/**
 * The cluster-job dialog's state, for either end of a hand-off: writing a job folder that
 * trains a run's next iteration on the SPIN reference stack, or importing what such a job
 * trained. Both can take minutes (pairs are made, an imported model is evaluated), so they
 * run on {@code worker}; the store is read on {@code store}. Properties change on the FX thread.
 */
public final class ClusterJobViewModel {
    /** Which end of the hand-off the dialog is for. */
    public enum Mode { EXPORT, IMPORT }

    private final Workspace workspace;
    private final TaskExecutor store;
    private final TaskExecutor worker;
    private final Messages messages;
    private final Device device;
    private final Mode mode;
    private final long runId;
    private final Runnable onImported;

    private final StringProperty folder = new SimpleStringProperty("");
    private final IntegerProperty gpus = new SimpleIntegerProperty(8);
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Failure> failure = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> written = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final BooleanBinding canStart;
    private int iteration;

    private ClusterJobViewModel(Workspace workspace, TaskExecutor store, TaskExecutor worker, Messages messages,
                                Device device, Mode mode, long runId, Runnable onImported) {
        this.workspace = workspace;
        this.store = store;
        this.worker = worker;
        this.messages = messages;
        this.device = device;
        this.mode = mode;
        this.runId = runId;
        this.onImported = onImported;
        canStart = Bindings.createBooleanBinding(() -> ready.get() && !busy.get() && !folder.get().isBlank()
                && gpus.get() >= 1, ready, busy, folder, gpus);
    }

    /** For writing run {@code runId}'s next iteration as a job. */
    public static ClusterJobViewModel exporting(Workspace workspace, TaskExecutor store, TaskExecutor worker,
                                                Messages messages, Device device, long runId) {
        return new ClusterJobViewModel(workspace, store, worker, messages, device, Mode.EXPORT, runId, () -> { });
    }

    /** For importing a job; {@code onImported} runs on the FX thread once one is imported (to refresh the runs). */
    public static ClusterJobViewModel importing(Workspace workspace, TaskExecutor store, TaskExecutor worker,
                                                Messages messages, Device device, Runnable onImported) {
        return new ClusterJobViewModel(workspace, store, worker, messages, device, Mode.IMPORT, 0, onImported);
    }

    public Mode mode() {
        return mode;
    }

    /** The job folder: where the job is written, or the one to import. */
    public StringProperty folderProperty() {
        return folder;
    }

    /** GPUs of the node the job runs on (export only). */
    public IntegerProperty gpusProperty() {
        return gpus;
    }

    /** What the dialog does, in a sentence. */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What is happening, or what was done. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Failure> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** The job folder once written, for "Open folder"; null before. */
    public ReadOnlyObjectProperty<Path> writtenProperty() {
        return written.getReadOnlyProperty();
    }

    /** After an export: the settings the reference recipe does not carry as they are (also in the job's README). */
    public ObservableList<String> notes() {
        return notes;
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    // Commands

    /** Export: finds the run's next iteration. Import: ready at once. */
    public void load() {
        if (mode == Mode.IMPORT) {
            heading.set(messages.get("job.import.heading"));
            ready.set(true);
            return;
        }
        busy.set(true);
        store.execute(() -> new HandOff(workspace, device).nextIteration(runId), next -> {
            busy.set(false);
            iteration = next;
            ready.set(next > 0);
            heading.set(next > 0 ? messages.get("job.export.heading", runId, next)
                    : messages.get("job.export.nothing", runId));
        }, error -> fail(messages.get("job.export.failed"), ErrorMessages.describe(error, messages)));
    }

    /** Writes the job, or imports it. */
    public void start() {
        if (!canStart.get()) {
            return;
        }
        Path path;
        try {
            path = Path.of(folder.get().strip()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            fail(messages.get(mode == Mode.EXPORT ? "job.export.failed" : "job.import.failed"),
                    messages.get("export.error.invalidPath", folder.get()));
            return;
        }
        busy.set(true);
        failure.set(null);
        written.set(null);
        notes.clear();
        if (mode == Mode.EXPORT) {
            int gpuCount = gpus.get();
            message.set(messages.get("job.export.writing", iteration, path));
            worker.execute(() -> new ClusterJobExport(workspace, device).write(runId, iteration, path, gpuCount,
                    TrainingListener.NONE), job -> {
                        busy.set(false);
                        written.set(job.folder());
                        notes.setAll(job.unmapped());
                        message.set(messages.get("job.export.done", job.iteration(), job.folder(), job.trainPairs(),
                                job.testPairs()));
                    }, error -> fail(messages.get("job.export.failed"), ErrorMessages.describe(error, messages)));
        } else {
            message.set(messages.get("job.import.working", path));
            worker.execute(() -> new ClusterJobImport(workspace, device).importJob(path, null, TrainingListener.NONE),
                    outcome -> {
                        busy.set(false);
                        message.set(imported(outcome));
                        onImported.run();
                    }, error -> fail(messages.get("job.import.failed"), ErrorMessages.describe(error, messages)));
        }
    }

    private String imported(RunOutcome outcome) {
        int last = outcome.iterations().get(outcome.iterations().size() - 1).iteration();
        return outcome.status() == RunStatus.COMPLETED
                ? messages.get("job.import.doneComplete", last, outcome.runId())
                : messages.get("job.import.done", last, outcome.runId(), last + 1);
    }

    private void fail(String header, String reason) {
        busy.set(false);
        message.set(reason);
        failure.set(new Failure(header, reason));
    }
}
