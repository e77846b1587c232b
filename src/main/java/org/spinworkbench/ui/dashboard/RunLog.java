package org.spinworkbench.ui.dashboard;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The dashboard's log: the run's own lines and the dashboard's (opened, cancel asked,
 * resumed, ended), the latest {@value #LINES} of them. Changed on the FX thread only.
 */
final class RunLog {
    static final int LINES = 500;

    private final ObservableList<String> lines = FXCollections.observableArrayList();
    // one read-only view: a view made per call would be collected with the listeners put on it
    private final ObservableList<String> readOnly = FXCollections.unmodifiableObservableList(lines);
    private int mark;

    ObservableList<String> lines() {
        return readOnly;
    }

    void add(String line) {
        lines.add(line);
        trim();
    }

    /** Remembers where a run is joined: the lines it had before go here, ahead of those heard since. */
    void markJoin() {
        mark = lines.size();
    }

    /** The lines a joined run had logged before the dashboard subscribed. */
    void addEarlier(List<String> earlier) {
        lines.addAll(Math.min(mark, lines.size()), earlier);
        trim();
    }

    private void trim() {
        if (lines.size() > LINES) {
            lines.remove(0, lines.size() - LINES);
        }
    }
}
