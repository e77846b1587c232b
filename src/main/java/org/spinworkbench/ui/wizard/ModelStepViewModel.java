package org.spinworkbench.ui.wizard;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.TaskExecutor;

/**
 * Step 1, the base model: a folder typed, browsed to, or the bundled demo model, checked off
 * the FX thread as soon as it is chosen. Next needs a folder that passed the check.
 */
public final class ModelStepViewModel {
    private final TaskExecutor executor;
    private final Messages messages;
    private final ModelInspector inspector;
    private final Callable<Path> demoModel;

    private final StringProperty folder = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<ModelSummary> summary = new ReadOnlyObjectWrapper<>();
    private Runnable onDemoChosen = () -> { };
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    private final BooleanBinding valid = summary.isNotNull().and(checking.not());
    /** Counts checks, so a slow check's answer for a folder no longer chosen is dropped. */
    private long checks;
    private String checked = "";

    /** {@code demoModel} finds the bundled demo model's folder (it may throw when it is not installed). */
    public ModelStepViewModel(TaskExecutor executor, Messages messages, ModelInspector inspector,
                              Callable<Path> demoModel) {
        this.executor = executor;
        this.messages = messages;
        this.inspector = inspector;
        this.demoModel = demoModel;
        // A changed path is unchecked until it is checked again.
        folder.addListener((observable, before, now) -> {
            if (!now.strip().equals(checked)) {
                summary.set(null);
                description.set("");
            }
        });
    }

    // Properties

    public StringProperty folderProperty() {
        return folder;
    }

    /** The checked model; null until a folder passed the check. */
    public ReadOnlyObjectProperty<ModelSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ModelSummary summary() {
        return summary.get();
    }

    /** What the check found, one fact a line. */
    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    // Commands

    /** Checks the folder in the field, unless it is the one checked last. */
    public void check() {
        String text = folder.get().strip();
        if (text.isEmpty()) {
            summary.set(null);
            description.set("");
            error.set(messages.get("wizard.model.required"));
            checked = "";
            return;
        }
        if (text.equals(checked) && (summary.get() != null || checking.get())) {
            return;
        }
        long ticket = ++checks;
        checked = text;
        checking.set(true);
        summary.set(null);
        error.set("");
        executor.execute(() -> inspector.inspect(Path.of(text)), found -> {
            if (ticket == checks) {
                checking.set(false);
                description.set(describe(found));
                summary.set(found);
            }
        }, failure -> {
            if (ticket == checks) {
                checking.set(false);
                checked = "";
                error.set(LaunchErrors.describe(failure, messages));
            }
        });
    }

    /** Told when the bundled demo model is chosen (the wizard then loads the demo's settings). */
    public void setOnDemoChosen(Runnable onDemoChosen) {
        this.onDemoChosen = onDemoChosen;
    }

    /** Chooses the bundled demo model. */
    public void useDemoModel() {
        executor.execute(demoModel, path -> {
            folder.set(path.toString());
            onDemoChosen.run();
            check();
        }, failure -> error.set(LaunchErrors.describe(failure, messages)));
    }

    private String describe(ModelSummary model) {
        return String.join("\n",
                messages.get("wizard.model.architecture", model.architecture()),
                messages.get("wizard.model.parameters", model.parameterCount() / 1e6),
                messages.get("wizard.model.shape", model.layers(), model.hiddenSize()),
                messages.get("wizard.model.dtype", model.dtype()),
                messages.get("wizard.model.tokenizer", model.vocabSize()),
                messages.get("wizard.model.context", model.contextLength()),
                model.defaultTemplate() ? messages.get("wizard.model.templateDefault")
                        : messages.get("wizard.model.templateOwn"));
    }
}
