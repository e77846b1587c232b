package org.spinworkbench.ui.wizard;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import org.spinworkbench.data.DatasetFormat;
import org.spinworkbench.data.ProblemPolicy;
import org.spinworkbench.data.PromptTurns;
import org.spinworkbench.lm.hf.BosPolicy;
import org.spinworkbench.runs.RunSpec;
import org.spinworkbench.train.PromptFormat;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.TaskExecutor;

/**
 * Step 2, the data: the training file (and an evaluation file), read off the FX thread as
 * soon as it is chosen; its format, counts and problems; the first examples as the chosen
 * model's chat template renders them; and the evaluation split with its counts.
 *
 * <p>Bad rows are always listed. The policy then decides: with "stop", a file with bad rows
 * cannot start a run (it would stop at the first); with "skip", the counts are what trains.
 */
public final class DatasetStepViewModel {
    private final TaskExecutor executor;
    private final Messages messages;
    private final DatasetInspector inspector;
    private final ObservableValue<ModelSummary> model;
    private final Callable<Path> demoTasks;

    private final StringProperty dataFile = new SimpleStringProperty("");
    private final StringProperty evalFile = new SimpleStringProperty("");
    private final StringProperty accuracyFile = new SimpleStringProperty("");
    /** null: told from the rows. */
    private final ObjectProperty<DatasetFormat> format = new SimpleObjectProperty<>();
    private final ObjectProperty<ProblemPolicy> policy = new SimpleObjectProperty<>(ProblemPolicy.STOP);
    private final ObjectProperty<SplitChoice> split = new SimpleObjectProperty<>(SplitChoice.FRACTION);
    private final StringProperty fraction = new SimpleStringProperty(Parameter.decimal(RunSpec.DEFAULT_EVAL_FRACTION));
    private final StringProperty size = new SimpleStringProperty("10");
    private final BooleanProperty raw = new SimpleBooleanProperty(false);
    private final ObjectProperty<BosPolicy> bos = new SimpleObjectProperty<>(BosPolicy.TOKENIZER);
    private final ObjectProperty<PromptTurns> turns = new SimpleObjectProperty<>(PromptTurns.CONVERSATION);

    private Runnable onDemoChosen = () -> { };
    /** While another training file is being chosen, the format goes back to detection without a read of its own. */
    private boolean choosingFile;
    private final DataCheckResults results;
    private long checks;
    /** What the last check read, so committing an unchanged field does not read the files again. */
    private DataCheckRequest requested;

    /** {@code model} is the model step's choice, whose chat template renders the preview. */
    public DatasetStepViewModel(TaskExecutor executor, Messages messages, DatasetInspector inspector,
                                ObservableValue<ModelSummary> model, Callable<Path> demoTasks) {
        this.executor = executor;
        this.messages = messages;
        this.inspector = inspector;
        this.model = model;
        this.demoTasks = demoTasks;
        this.results = new DataCheckResults(messages);
        format.addListener((observable, before, now) -> {
            if (!choosingFile) {
                check();
            }
        });
        raw.addListener((observable, before, now) -> check());
        turns.addListener((observable, before, now) -> check());
        model.addListener((observable, before, now) -> {
            if (now != null && !dataFile.get().isBlank()) {
                check(); // the preview follows the new model's chat template
            }
        });
        split.addListener((observable, before, now) -> {
            if (before == SplitChoice.EVAL_FILE || now == SplitChoice.EVAL_FILE) {
                check(); // the evaluation file is read only when it is used
            } else {
                judge();
            }
        });
        policy.addListener((observable, before, now) -> judge());
        fraction.addListener((observable, before, now) -> judge());
        size.addListener((observable, before, now) -> judge());
        dataFile.addListener((observable, before, now) -> {
            forget();
            detectFormatAgain();
        });
        evalFile.addListener((observable, before, now) -> forget());
        accuracyFile.addListener((observable, before, now) -> forget());
    }

    // Properties

    public StringProperty dataFileProperty() {
        return dataFile;
    }

    public StringProperty evalFileProperty() {
        return evalFile;
    }

    /** Questions with checkable answers (optional): each iteration's model is scored on them. */
    public StringProperty accuracyFileProperty() {
        return accuracyFile;
    }

    public ObjectProperty<DatasetFormat> formatProperty() {
        return format;
    }

    public ObjectProperty<ProblemPolicy> policyProperty() {
        return policy;
    }

    public ObjectProperty<SplitChoice> splitProperty() {
        return split;
    }

    public StringProperty fractionProperty() {
        return fraction;
    }

    public StringProperty sizeProperty() {
        return size;
    }

    /** Prompts go to the model as they are, without the chat template. */
    public BooleanProperty rawProperty() {
        return raw;
    }

    /** Whether prompts start with BOS when the template writes none (see {@link BosPolicy}). */
    public ObjectProperty<BosPolicy> bosProperty() {
        return bos;
    }

    /** Which turns of multi-turn data make the prompt (see {@link PromptTurns}). */
    public ObjectProperty<PromptTurns> turnsProperty() {
        return turns;
    }

    /** The BOS and prompt-turn choices, as the run records them. */
    public PromptFormat promptFormat() {
        return new PromptFormat(bos.get(), turns.get());
    }

    public ReadOnlyObjectProperty<DatasetCheck> checkProperty() {
        return results.check.getReadOnlyProperty();
    }

    /** Every row left out, with its file's line or row number. */
    public ObservableList<String> problems() {
        return results.problems;
    }

    public ObservableList<PreviewRow> preview() {
        return results.preview;
    }

    /** Format, rows read and examples, in one sentence per file. */
    public ReadOnlyStringProperty summaryProperty() {
        return results.summary.getReadOnlyProperty();
    }

    /** "10 training and 2 held-out examples". */
    public ReadOnlyStringProperty splitTextProperty() {
        return results.splitText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return results.error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return results.checking.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return results.valid;
    }

    // Commands

    /** Reads the chosen files again and judges them. */
    public void check() {
        ModelSummary chosen = model.getValue();
        if (chosen == null) {
            return; // the preview needs the model's chat template; the model step comes first anyway
        }
        String eval = evalFile.get().strip();
        DataCheckRequest request = new DataCheckRequest(new DataCheckRequest.Files(dataFile.get().strip(),
                split.get() == SplitChoice.EVAL_FILE && !eval.isEmpty() ? eval : "", accuracyFile.get().strip()),
                format.get(), raw.get(), turns.get(), chosen);
        if (request.equals(requested) && (results.checking.get() || results.check.get() != null)) {
            if (!results.checking.get()) {
                judge(); // same files, but perhaps another split
            }
            return;
        }
        requested = request;
        long ticket = ++checks;
        results.clear();
        if (request.files().data().isEmpty()) {
            results.checking.set(false);
            results.error.set(messages.get("wizard.data.required"));
            return;
        }
        results.checking.set(true);
        executor.execute(() -> request.run(inspector),
                found -> {
                    if (ticket == checks) {
                        results.checking.set(false);
                        results.show(found, policy.get(), split.get(), fraction.get(), size.get());
                    }
                }, failure -> {
                    if (ticket == checks) {
                        results.checking.set(false);
                        requested = null;
                        results.error.set(LaunchErrors.describe(failure, messages));
                    }
                });
    }

    /** Told when the bundled demo tasks are chosen (the wizard then loads the demo's settings). */
    public void setOnDemoChosen(Runnable onDemoChosen) {
        this.onDemoChosen = onDemoChosen;
    }

    /**
     * Chooses the bundled demo tasks: their training file, with their test file to evaluate on
     * and to score task accuracy on, as the workshop demo does.
     */
    public void useDemoTasks() {
        executor.execute(demoTasks, folder -> {
            onDemoChosen.run();
            dataFile.set(folder.resolve("train.jsonl").toString());
            evalFile.set(folder.resolve("test.jsonl").toString());
            accuracyFile.set(folder.resolve("test.jsonl").toString());
            if (split.get() == SplitChoice.EVAL_FILE) {
                check();
            } else {
                split.set(SplitChoice.EVAL_FILE); // reads the files
            }
        }, failure -> results.error.set(LaunchErrors.describe(failure, messages)));
    }

    /** The files and choices of an earlier run; they are read once the model is known. */
    public void startFrom(RunSpec previous) {
        PreviousData.fill(this, previous);
    }

    /** How many examples the run will train on as the data is chosen now; 0 until it is usable. */
    public int trainingExamples() {
        return results.trainingExamples();
    }

    /** The data as chosen; only when {@link #validProperty()} holds. */
    public DataChoice choice() {
        DatasetCheck found = results.check.get();
        if (found == null || !results.valid.get()) {
            throw new IllegalStateException("The data has not passed its check.");
        }
        return DataChoice.of(found, split.get(), fraction.get(), size.get(), policy.get(), raw.get());
    }

    private void judge() {
        results.judge(policy.get(), split.get(), fraction.get(), size.get());
    }

    /**
     * Another training file may be in another format: the format chosen or remembered for the
     * last one (Alpaca, say) would refuse every row of it. Told from the rows again.
     */
    private void detectFormatAgain() {
        choosingFile = true;
        try {
            format.set(null);
        } finally {
            choosingFile = false;
        }
    }

    /** A path being edited: what was read from the old one no longer counts. */
    private void forget() {
        checks++;
        requested = null;
        results.checking.set(false);
        results.clear();
    }
}
