package org.spinworkbench.ui.main;

import java.util.concurrent.Callable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.spinworkbench.io.Problems;
import org.spinworkbench.lm.ComputeDevice;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.TaskExecutor;

/**
 * The status bar: the workspace folder, how many projects it holds, the device the engine
 * computes on, and the last action's message.
 */
public final class StatusBarViewModel {
    private final String workspace;
    private final IntegerProperty projectCount = new SimpleIntegerProperty();
    private final StringBinding projectCountText;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper device = new ReadOnlyStringWrapper("");
    private final Messages messages;

    public StatusBarViewModel(Messages messages, String workspaceFolder) {
        this.messages = messages;
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

    public ReadOnlyStringProperty deviceProperty() {
        return device.getReadOnlyProperty();
    }

    /**
     * Finds out in the background where the engine computes (starting PyTorch takes a moment,
     * longer on the very first start) and shows it: "CPU, 2 threads" or "GPU 0, ...".
     */
    public void detectDevice(TaskExecutor executor, Callable<ComputeDevice> probe) {
        device.set(messages.get("status.device.detecting"));
        executor.execute(probe, found -> device.set(describe(found)),
                failure -> device.set(messages.get("status.device.unavailable", Problems.describe(failure))));
    }

    private String describe(ComputeDevice found) {
        String where = found.device().isGpu()
                ? messages.get("status.device.gpu", found.device().getDeviceId(), found.threads())
                : messages.get("status.device.cpu", found.threads());
        return messages.get("status.device", where);
    }

    /** Shows {@code text} as the outcome of the last action. */
    public void report(String text) {
        message.set(text);
    }
}
