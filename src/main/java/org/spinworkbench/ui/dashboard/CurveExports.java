package org.spinworkbench.ui.dashboard;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.spinworkbench.runs.GlobalSteps;
import org.spinworkbench.runs.MetricCsv;
import org.spinworkbench.runs.MetricHistory;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.ui.common.ErrorMessages;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.TaskExecutor;

/** A dashboard's exports of its run's curves (CSV here, chart pictures by the window) and what the last one wrote. */
public final class CurveExports {
    private final Workspace workspace;
    private final TaskExecutor store;
    private final Messages messages;
    private final long runId;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    CurveExports(Workspace workspace, TaskExecutor store, Messages messages, long runId) {
        this.workspace = workspace;
        this.store = store;
        this.messages = messages;
        this.runId = runId;
    }

    /** The last export's result. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Writes every recorded point of the run to {@code file} as CSV; {@code onError} hears why it could not. */
    public void exportCsv(Path file, Consumer<String> onError) {
        store.execute(() -> {
            MetricCsv.write(file, MetricHistory.load(workspace, runId, new GlobalSteps()).all());
            return file;
        }, this::exported, failure -> onError.accept(ErrorMessages.describe(failure, messages)));
    }

    /** Says that {@code file} was written. */
    void exported(Path file) {
        message.set(messages.get("dashboard.export.saved", file.toString()));
    }
}
