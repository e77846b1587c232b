package org.spinworkbench.ui.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.spinworkbench.runs.TrialSettings;
import org.spinworkbench.store.Iteration;
import org.spinworkbench.store.Run;
import org.spinworkbench.store.Split;
import org.spinworkbench.store.StoreException;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.ui.common.ErrorMessages;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.TaskExecutor;

/**
 * The compare view's state: one run's prompts at the chosen iteration and split, narrowed by
 * search and filters and sorted, and the prompt selected among them. The selection follows
 * the prompt (its example index) across iterations, so switching iterations shows how one
 * answer evolves. Store reads go through {@code executor}; commands are called, and every
 * property changes, on the thread it reports back on (the FX thread in the application).
 */
public final class CompareViewModel {
    private final Workspace workspace;
    private final TaskExecutor executor;
    private final Messages messages;
    private final long runId;
    private final IterationSamples loader;
    private final PromptDetailsViewModel details;

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<TrialSettings> trialSettings = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Integer> iterations = FXCollections.observableArrayList();
    private final ObservableList<Integer> readOnlyIterations = FXCollections.unmodifiableObservableList(iterations);
    private final ObjectProperty<Integer> iteration = new SimpleObjectProperty<>();
    private final ObjectProperty<Split> split = new SimpleObjectProperty<>(Split.TRAIN);
    private final StringProperty search = new SimpleStringProperty("");
    private final BooleanProperty negativeMargin = new SimpleBooleanProperty();
    private final BooleanProperty changed = new SimpleBooleanProperty();
    private final BooleanProperty same = new SimpleBooleanProperty();
    private final ObjectProperty<PromptSort> sort = new SimpleObjectProperty<>(PromptSort.DATASET);
    private final ReadOnlyBooleanWrapper previousAvailable = new ReadOnlyBooleanWrapper();
    private final ObservableList<PromptRow> prompts = FXCollections.observableArrayList();
    private final ObservableList<PromptRow> readOnlyPrompts = FXCollections.unmodifiableObservableList(prompts);
    private final ObjectProperty<PromptRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();

    private final Map<Integer, Iteration> byNumber = new LinkedHashMap<>();
    private Map<Long, Integer> numbersById = Map.of();
    private List<PromptRow> all = List.of();
    private Integer keptExampleIndex;
    private long request;

    public CompareViewModel(Workspace workspace, TaskExecutor executor, Messages messages, long runId) {
        this.workspace = workspace;
        this.executor = executor;
        this.messages = messages;
        this.runId = runId;
        this.loader = new IterationSamples(workspace.samples());
        this.details = new PromptDetailsViewModel(workspace, executor, messages, runId);
        iteration.addListener((observable, before, now) -> loadRows());
        split.addListener((observable, before, now) -> loadRows());
        search.addListener((observable, before, now) -> refilter());
        negativeMargin.addListener((observable, before, now) -> refilter());
        changed.addListener((observable, before, now) -> refilter());
        same.addListener((observable, before, now) -> refilter());
        sort.addListener((observable, before, now) -> refilter());
        selected.addListener((observable, before, now) -> {
            if (now != null) {
                keptExampleIndex = now.exampleIndex();
            }
            details.show(now, numbersById);
        });
    }

    // Properties

    /** "SPIN run 3": which run this is. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** How the run generated, for trying its models; null until the run is read. */
    public ReadOnlyObjectProperty<TrialSettings> trialSettingsProperty() {
        return trialSettings.getReadOnlyProperty();
    }

    /** The run's iteration numbers, in order. */
    public ObservableList<Integer> iterations() {
        return readOnlyIterations;
    }

    public ObjectProperty<Integer> iterationProperty() {
        return iteration;
    }

    public ObjectProperty<Split> splitProperty() {
        return split;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public BooleanProperty negativeMarginProperty() {
        return negativeMargin;
    }

    /** Only prompts whose answer changed since the previous iteration; ignored at the first one. */
    public BooleanProperty changedProperty() {
        return changed;
    }

    public BooleanProperty sameProperty() {
        return same;
    }

    public ObjectProperty<PromptSort> sortProperty() {
        return sort;
    }

    /** Whether the shown iteration has one before it to compare answers with. */
    public ReadOnlyBooleanProperty previousAvailableProperty() {
        return previousAvailable.getReadOnlyProperty();
    }

    /** The prompts that pass search and filters, in the chosen order. */
    public ObservableList<PromptRow> prompts() {
        return readOnlyPrompts;
    }

    public ObjectProperty<PromptRow> selectedProperty() {
        return selected;
    }

    /** "5 of 9 prompts". */
    public ReadOnlyStringProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** What the empty list says: nothing stored, or nothing matches. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    /** Why the run or its samples could not be read; empty while all is well. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public PromptDetailsViewModel details() {
        return details;
    }

    // Commands

    /** Reads the run and its iterations, then shows the last iteration that has samples. */
    public void load() {
        loading.set(true);
        executor.execute(this::readRun, this::opened, failure -> {
            loading.set(false);
            error.set(messages.get("compare.loadFailed", ErrorMessages.describe(failure, messages)));
        });
    }

    /** Selects the prompt with this example index, if the list shows it. */
    public void selectExample(int exampleIndex) {
        prompts.stream().filter(row -> row.exampleIndex() == exampleIndex).findFirst().ifPresent(selected::set);
    }

    private Opened readRun() {
        Run run = workspace.runs().findById(runId).orElseThrow(() -> new StoreException(
                messages.get("compare.noRun", runId)));
        List<Iteration> list = workspace.iterations().listByRun(runId);
        Integer shown = null;
        for (Iteration candidate : list) {
            if (workspace.samples().count(candidate.id(), Split.TRAIN) > 0) {
                shown = candidate.iteration();
            }
        }
        return new Opened(run, list, shown);
    }

    private void opened(Opened opened) {
        title.set(messages.get("runs.title", opened.run().kind().name(), opened.run().id()));
        trialSettings.set(TrialSettings.of(opened.run()));
        byNumber.clear();
        opened.iterations().forEach(it -> byNumber.put(it.iteration(), it));
        numbersById = PromptDetailsViewModel.numbersById(opened.iterations());
        iterations.setAll(new ArrayList<>(byNumber.keySet()));
        loading.set(false);
        if (iterations.isEmpty()) {
            placeholder.set(messages.get("compare.noIterations"));
            return;
        }
        iteration.set(opened.shown() != null ? opened.shown() : iterations.get(iterations.size() - 1));
    }

    private void loadRows() {
        Integer number = iteration.get();
        Iteration shown = number == null ? null : byNumber.get(number);
        long ticket = ++request;
        if (shown == null) {
            showRows(List.of());
            return;
        }
        Iteration previous = byNumber.get(number - 1);
        previousAvailable.set(previous != null);
        Split chosen = split.get();
        loading.set(true);
        executor.execute(() -> loader.load(shown, previous, chosen), rows -> {
            if (ticket == request) {
                loading.set(false);
                error.set("");
                showRows(rows);
            }
        }, failure -> {
            if (ticket == request) {
                loading.set(false);
                error.set(messages.get("compare.loadFailed", ErrorMessages.describe(failure, messages)));
                showRows(List.of());
            }
        });
    }

    private void showRows(List<PromptRow> rows) {
        all = rows;
        refilter();
    }

    private void refilter() {
        PromptQuery query = new PromptQuery(search.get(), negativeMargin.get(),
                changed.get() && previousAvailable.get(), same.get(), sort.get());
        List<PromptRow> visible = query.apply(all, messages.locale());
        Integer keep = keptExampleIndex;
        prompts.setAll(visible);
        PromptRow again = visible.stream().filter(row -> keep != null && row.exampleIndex() == keep).findFirst()
                .orElse(visible.isEmpty() ? null : visible.get(0));
        if (again == null) {
            selected.set(null);
            keptExampleIndex = keep; // selected again once a search or iteration shows it
        } else {
            selected.set(again);
        }
        count.set(messages.get("compare.count", visible.size(), all.size()));
        placeholder.set(all.isEmpty() ? messages.get("compare.noSamples", iteration.get() == null ? 0
                : iteration.get()) : messages.get("compare.noMatch"));
    }

    private record Opened(Run run, List<Iteration> iterations, Integer shown) {
    }
}
