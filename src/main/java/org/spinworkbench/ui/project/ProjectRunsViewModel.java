package org.spinworkbench.ui.project;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.spinworkbench.runs.RunSpec;
import org.spinworkbench.store.Evaluation;
import org.spinworkbench.store.IterationStatus;
import org.spinworkbench.store.Project;
import org.spinworkbench.store.Run;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.ui.common.ErrorMessages;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.TaskExecutor;

/** The runs of the project shown in the overview, newest first, and the run selected among them. */
public final class ProjectRunsViewModel {
    private final Workspace workspace;
    private final TaskExecutor executor;
    private final Messages messages;
    private final Consumer<String> status;
    private final LongPredicate live;
    private final DateTimeFormatter timeFormat;

    private final ObservableList<RunRow> runs = FXCollections.observableArrayList();
    private final ObjectProperty<RunRow> selected = new SimpleObjectProperty<>();
    /** A run to select once it is listed (it may just have been recorded); null when none. */
    private Long toSelect;
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private Project project;

    /** {@code live} tells whether a run id is training in this window now. */
    public ProjectRunsViewModel(Workspace workspace, TaskExecutor executor, Messages messages, Consumer<String> status,
                                LongPredicate live, ZoneId zone) {
        this.workspace = workspace;
        this.executor = executor;
        this.messages = messages;
        this.status = status;
        this.live = live;
        this.timeFormat = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(messages.locale()).withZone(zone);
    }

    public ObservableList<RunRow> runs() {
        return runs;
    }

    public ObjectProperty<RunRow> selectedProperty() {
        return selected;
    }

    public RunRow selected() {
        return selected.get();
    }

    /** True once the shown project's runs are listed. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public Project project() {
        return project;
    }

    /** Lists the runs of {@code shown} (none for null). */
    public void show(Project shown) {
        project = shown;
        refresh();
    }

    /** Selects run {@code runId} now if it is listed, else when the list next shows it. */
    public void selectWhenListed(long runId) {
        RunRow listed = runs.stream().filter(row -> row.run().id() == runId).findFirst().orElse(null);
        if (listed != null) {
            selected.set(listed);
        } else {
            toSelect = runId;
        }
    }

    /** Lists the runs again, keeping the selected run selected. */
    public void refresh() {
        Project current = project;
        if (current == null) {
            runs.clear();
            loaded.set(false);
            return;
        }
        executor.execute(() -> rows(current), rows -> {
            if (current != project) {
                return; // another project was shown meanwhile
            }
            Long keep = toSelect != null ? toSelect : selected.get() == null ? null : selected.get().run().id();
            runs.setAll(rows);
            selected.set(rows.stream().filter(row -> keep != null && row.run().id() == keep).findFirst().orElse(null));
            if (selected.get() != null && selected.get().run().id() == keep) {
                toSelect = null;
            }
            loaded.set(true);
        }, failure -> status.accept(messages.get("status.loadFailed", ErrorMessages.describe(failure, messages))));
    }

    /** Kind and number as the table and window titles name a run: "SPIN run 3". */
    public String title(RunRow row) {
        return messages.get("runs.title", row.run().kind().name(), row.run().id());
    }

    private List<RunRow> rows(Project current) {
        List<RunRow> rows = new ArrayList<>();
        for (Run run : workspace.runs().listByProject(current.id())) {
            int completed = (int) workspace.iterations().listByRun(run.id()).stream()
                    .filter(iteration -> iteration.status() == IterationStatus.COMPLETED).count();
            List<Evaluation> evaluations = workspace.evaluations().listByRun(run.id());
            Double margin = evaluations.isEmpty() ? null
                    : evaluations.get(evaluations.size() - 1).metrics().get("eval_rewards/margins");
            rows.add(new RunRow(run, timeFormat.format(run.createdAt()), completed, planned(run),
                    live.test(run.id()), margin));
        }
        rows.sort((a, b) -> Long.compare(b.run().id(), a.run().id()));
        return rows;
    }

    private static int planned(Run run) {
        try {
            return RunSpec.fromJson(run.configJson()).training().iterations();
        } catch (RuntimeException e) {
            return 0; // a configuration this version cannot read: the table shows no plan
        }
    }
}
