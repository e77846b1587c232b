package org.spinworkbench.ui.dashboard;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The global steps at which a run's completed iterations end, ascending, each once; changed on the FX thread. */
final class IterationEnds {
    private final ObservableList<Long> ends = FXCollections.observableArrayList();
    // one read-only view: a view made per call would be collected with the listeners put on it
    private final ObservableList<Long> readOnly = FXCollections.unmodifiableObservableList(ends);

    ObservableList<Long> view() {
        return readOnly;
    }

    /** Adds the ends not known yet. */
    void merge(List<Long> more) {
        for (Long end : more) {
            if (!ends.contains(end)) {
                ends.add(end);
            }
        }
        FXCollections.sort(ends);
    }

    /** How many iterations are complete. */
    int count() {
        return ends.size();
    }
}
