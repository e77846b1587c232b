package org.spinworkbench.ui.wizard;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import javafx.beans.binding.BooleanBinding;
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
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.spinworkbench.data.PromptTurns;
import org.spinworkbench.lm.hf.BosPolicy;
import org.spinworkbench.train.PromptFormat;
import org.spinworkbench.data.DatasetFormat;
import org.spinworkbench.data.DatasetProblem;
import org.spinworkbench.data.ProblemPolicy;
import org.spinworkbench.lm.hf.ChatTemplate;
import org.spinworkbench.runs.RunSpec;
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

    private final ReadOnlyObjectWrapper<DatasetCheck> check = new ReadOnlyObjectWrapper<>();
    private Runnable onDemoChosen = () -> { };
    /** While another training file is being chosen, the format goes back to detection without a read of its own. */
    private boolean choosingFile;
    private int trainingExamples;
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<PreviewRow> preview = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper splitText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper usable = new ReadOnlyBooleanWrapper();
    private final BooleanBinding valid = usable.and(checking.not());
    private long checks;
    /** What the last check read, so committing an unchanged field does not read the files again. */
    private String requested;

    /** {@code model} is the model step's choice, whose chat template renders the preview. */
    public DatasetStepViewModel(TaskExecutor executor, Messages messages, DatasetInspector inspector,
                                ObservableValue<ModelSummary> model, Callable<Path> demoTasks) {
        this.executor = executor;
        this.messages = messages;
        this.inspector = inspector;
        this.model = model;
        this.demoTasks = demoTasks;
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
        return check.getReadOnlyProperty();
    }

    /** Every row left out, with its file's line or row number. */
    public ObservableList<String> problems() {
        return problems;
    }

    public ObservableList<PreviewRow> preview() {
        return preview;
    }

    /** Format, rows read and examples, in one sentence per file. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** "10 training and 2 held-out examples". */
    public ReadOnlyStringProperty splitTextProperty() {
        return splitText.getReadOnlyProperty();
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

    /** Reads the chosen files again and judges them. */
    public void check() {
        String data = dataFile.get().strip();
        String eval = evalFile.get().strip();
        String accuracy = accuracyFile.get().strip();
        boolean withEval = split.get() == SplitChoice.EVAL_FILE && !eval.isEmpty();
        DatasetFormat named = format.get();
        boolean asIs = raw.get();
        PromptTurns promptTurns = turns.get();
        ModelSummary chosen = model.getValue();
        if (chosen == null) {
            return; // the preview needs the model's chat template; the model step comes first anyway
        }
        String request = String.join("\n", data, withEval ? eval : "", accuracy, String.valueOf(named), String.valueOf(asIs),
                promptTurns.id(), chosen.folder().toString());
        if (request.equals(requested) && (checking.get() || check.get() != null)) {
            if (!checking.get()) {
                judge(); // same files, but perhaps another split
            }
            return;
        }
        requested = request;
        long ticket = ++checks;
        clear();
        if (data.isEmpty()) {
            checking.set(false);
            error.set(messages.get("wizard.data.required"));
            return;
        }
        ChatTemplate template = chosen.template();
        checking.set(true);
        executor.execute(() -> inspector.check(Path.of(data), withEval ? Path.of(eval) : null, named, template, asIs,
                        promptTurns, accuracy.isEmpty() ? null : Path.of(accuracy)),
                found -> {
                    if (ticket == checks) {
                        checking.set(false);
                        show(found);
                    }
                }, failure -> {
                    if (ticket == checks) {
                        checking.set(false);
                        requested = null;
                        error.set(LaunchErrors.describe(failure, messages));
                    }
                });
    }

    /**
     * Chooses the bundled demo tasks: their training file, with their test file to evaluate on
     * and to score task accuracy on, as the workshop demo does.
     */
    /** Told when the bundled demo tasks are chosen (the wizard then loads the demo's settings). */
    public void setOnDemoChosen(Runnable onDemoChosen) {
        this.onDemoChosen = onDemoChosen;
    }

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
        }, failure -> error.set(LaunchErrors.describe(failure, messages)));
    }

    /** The files and choices of an earlier run; they are read once the model is known. */
    public void startFrom(RunSpec previous) {
        dataFile.set(previous.dataset());
        evalFile.set(previous.evalDataset() == null ? "" : previous.evalDataset());
        format.set(previous.datasetFormat() == null ? null : DatasetFormat.valueOf(previous.datasetFormat()));
        split.set(previous.evalDataset() != null ? SplitChoice.EVAL_FILE
                : previous.evalSize() > 0 ? SplitChoice.SIZE : SplitChoice.FRACTION);
        if (previous.evalSize() > 0) {
            size.set(Integer.toString(previous.evalSize()));
        }
        fraction.set(Parameter.decimal(previous.evalFraction()));
        policy.set(previous.skipBadRows() ? ProblemPolicy.SKIP : ProblemPolicy.STOP);
        raw.set(previous.training().raw());
        bos.set(previous.training().format().bos());
        turns.set(previous.training().format().turns());
        accuracyFile.set(previous.accuracyData() == null ? "" : previous.accuracyData());
    }

    /** How many examples the run will train on as the data is chosen now; 0 until it is usable. */
    public int trainingExamples() {
        return trainingExamples;
    }

    /** The data as chosen; only when {@link #validProperty()} holds. */
    public DataChoice choice() {
        DatasetCheck found = check.get();
        if (found == null || !valid.get()) {
            throw new IllegalStateException("The data has not passed its check.");
        }
        SplitChoice choice = split.get();
        return new DataChoice(found.train().file(), found.train().format(), choice,
                choice == SplitChoice.EVAL_FILE ? found.eval().file() : null,
                choice == SplitChoice.FRACTION ? Double.parseDouble(fraction.get().strip()) : RunSpec.DEFAULT_EVAL_FRACTION,
                choice == SplitChoice.SIZE ? Integer.parseInt(size.get().strip()) : 0, policy.get(), raw.get(),
                found.accuracyFile());
    }

    private void show(DatasetCheck found) {
        check.set(found);
        problems.setAll(found.problems().stream().map(DatasetProblem::message).toList());
        preview.setAll(found.preview());
        summary.set(found.describe(messages));
        judge();
    }

    /** Decides, from the files already read, whether a run could start on them as chosen. */
    private void judge() {
        DatasetCheck found = check.get();
        if (found == null) {
            usable.set(false);
            splitText.set("");
            return;
        }
        DataVerdict verdict = DataVerdict.of(found, policy.get(), split.get(), fraction.get(), size.get(), messages);
        trainingExamples = verdict.trainingExamples();
        error.set(verdict.problem());
        splitText.set(verdict.splitText());
        usable.set(verdict.usable());
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
        checking.set(false);
        clear();
    }

    private void clear() {
        check.set(null);
        problems.clear();
        preview.clear();
        summary.set("");
        splitText.set("");
        error.set("");
        usable.set(false);
    }
}
