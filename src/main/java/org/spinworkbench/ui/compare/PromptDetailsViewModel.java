package org.spinworkbench.ui.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.spinworkbench.store.Iteration;
import org.spinworkbench.store.Sample;
import org.spinworkbench.store.Split;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.ui.common.ErrorMessages;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.TaskExecutor;

/**
 * The selected prompt: its real and synthetic responses with their differences, its numbers,
 * and its synthetic answer at every iteration of the run. The history is read again only
 * when another prompt is selected, not when the iteration changes: it covers them all.
 */
public final class PromptDetailsViewModel {
    private final Workspace workspace;
    private final TaskExecutor executor;
    private final Messages messages;
    private final long runId;
    private final WordDiff wordDiff = new WordDiff();

    private final ReadOnlyObjectWrapper<PromptRow> row = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ResponseDiff> diff = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SampleNumbers> numbers = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper similarity = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper historyError = new ReadOnlyStringWrapper("");
    private final ObservableList<HistoryEntry> history = FXCollections.observableArrayList();
    private final ObservableList<HistoryEntry> readOnlyHistory = FXCollections.unmodifiableObservableList(history);
    private HistoryKey historyShown;

    PromptDetailsViewModel(Workspace workspace, TaskExecutor executor, Messages messages, long runId) {
        this.workspace = workspace;
        this.executor = executor;
        this.messages = messages;
        this.runId = runId;
    }

    /** The prompt shown; null when none is selected. */
    public ReadOnlyObjectProperty<PromptRow> rowProperty() {
        return row.getReadOnlyProperty();
    }

    /** Real against synthetic, word by word; null when no prompt is selected. */
    public ReadOnlyObjectProperty<ResponseDiff> diffProperty() {
        return diff.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SampleNumbers> numbersProperty() {
        return numbers.getReadOnlyProperty();
    }

    /** "62 % of the words are shared", or that the texts are identical. */
    public ReadOnlyStringProperty similarityProperty() {
        return similarity.getReadOnlyProperty();
    }

    /** The prompt's synthetic answers, first iteration first. */
    public ObservableList<HistoryEntry> history() {
        return readOnlyHistory;
    }

    /** Why the history could not be read; empty while all is well. */
    public ReadOnlyStringProperty historyErrorProperty() {
        return historyError.getReadOnlyProperty();
    }

    /** Shows {@code shown} (null: nothing); {@code iterations} maps the run's iteration ids to their numbers. */
    void show(PromptRow shown, Map<Long, Integer> iterations) {
        row.set(shown);
        if (shown == null) {
            diff.set(null);
            numbers.set(null);
            similarity.set("");
            history.clear();
            historyShown = null;
            return;
        }
        ResponseDiff compared = wordDiff.compare(shown.real(), shown.synthetic());
        diff.set(compared);
        numbers.set(SampleNumbers.of(shown, messages.locale()));
        similarity.set(compared.identical() ? messages.get("compare.diff.identical")
                : compared.complete() ? messages.get("compare.diff.shared", Math.round(100 * compared.sameShare()))
                : messages.get("compare.diff.approximate", Math.round(100 * compared.sameShare())));
        HistoryKey key = new HistoryKey(shown.sample().split(), shown.exampleIndex());
        if (!key.equals(historyShown)) {
            loadHistory(key, iterations);
        }
    }

    private void loadHistory(HistoryKey key, Map<Long, Integer> iterations) {
        historyShown = key;
        history.clear();
        historyError.set("");
        executor.execute(() -> workspace.samples().history(runId, key.split(), key.exampleIndex()), samples -> {
            if (!key.equals(historyShown)) {
                return; // another prompt was selected meanwhile
            }
            List<HistoryEntry> entries = new ArrayList<>();
            for (Sample sample : samples) {
                PromptRow entry = new PromptRow(sample, null);
                entries.add(new HistoryEntry(iterations.getOrDefault(sample.iterationId(), 0), entry.synthetic(),
                        entry.margin(), entry.syntheticEqualsReal()));
            }
            history.setAll(entries);
        }, failure -> {
            if (key.equals(historyShown)) {
                historyError.set(messages.get("compare.history.failed", ErrorMessages.describe(failure, messages)));
            }
        });
    }

    static Map<Long, Integer> numbersById(List<Iteration> iterations) {
        Map<Long, Integer> byId = new HashMap<>();
        iterations.forEach(iteration -> byId.put(iteration.id(), iteration.iteration()));
        return byId;
    }

    private record HistoryKey(Split split, int exampleIndex) {
        HistoryKey {
            Objects.requireNonNull(split);
        }
    }
}
