package org.spinworkbench.ui.main;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.spinworkbench.ui.common.Messages;

/** The status bar: the workspace folder, how many projects it holds, and the last action's message. */
public final class StatusBarViewModel {
    private final String workspace;
    private final IntegerProperty projectCount = new SimpleIntegerProperty();
    private final StringBinding projectCountText;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public StatusBarViewModel(Messages messages, String workspaceFolder) {
        this.workspace = messages.get("status.workspace", workspaceFolder);
        this.projectCountText = Bindings.createStringBinding(
                () -> messages.get("status.projectCount", projectCount.get()), projectCount);
    }

    public String workspace() {
        return workspace;
    }

    /** How many projects the workspace holds; bound to the explorer's list. */
    public IntegerProperty projectCountProperty() {
        return projectCount;
    }

    public StringBinding projectCountTextProperty() {
        return projectCountText;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Shows {@code text} as the outcome of the last action. */
    public void report(String text) {
        message.set(text);
    }
}
