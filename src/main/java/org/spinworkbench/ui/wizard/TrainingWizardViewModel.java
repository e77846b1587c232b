package org.spinworkbench.ui.wizard;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.spinworkbench.runs.DemoRecipe;
import org.spinworkbench.runs.LiveRun;
import org.spinworkbench.runs.LiveRuns;
import org.spinworkbench.runs.RunSpec;
import org.spinworkbench.runs.RunTimeEstimate;
import org.spinworkbench.runs.SpinCommandLine;
import org.spinworkbench.store.Project;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.TaskExecutor;
import org.spinworkbench.ui.demo.WorkspaceDemoLauncher;

/**
 * The training wizard: which step is shown, whether Back, Next and Launch may be pressed,
 * the review of every choice, and the launch itself. The steps' own view models keep what
 * was entered, so going back and forth loses nothing.
 */
public final class TrainingWizardViewModel {
    private final LiveRuns liveRuns;
    private final Messages messages;
    private final Project project;
    private final ModelStepViewModel model;
    private final DatasetStepViewModel data;
    private final ParametersStepViewModel parameters;
    private final Executor fxThread;
    private final ReviewLines reviewLines;

    private final ReadOnlyObjectWrapper<WizardStep> step = new ReadOnlyObjectWrapper<>(WizardStep.MODEL);
    private final ObservableList<ReviewLine> review = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper commandLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper launchSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper launching = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper launchError = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Long> launchedRun = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding stepValid;
    private final BooleanBinding canGoBack;
    private final BooleanBinding canGoNext;
    private final BooleanBinding canLaunch;

    /**
     * @param fxThread where the run's id, known on the run's own thread, is handed back
     *                 ({@code Platform::runLater} in the window)
     */
    public TrainingWizardViewModel(LiveRuns liveRuns, Messages messages, Project project, WizardSteps steps,
                                   Executor fxThread) {
        this.liveRuns = liveRuns;
        this.messages = messages;
        this.project = project;
        this.model = steps.model();
        this.data = steps.data();
        this.parameters = steps.parameters();
        this.fxThread = fxThread;
        this.reviewLines = new ReviewLines(messages);
        stepValid = Bindings.createBooleanBinding(() -> switch (step.get()) {
            case MODEL -> model.validProperty().get();
            case DATASET -> data.validProperty().get();
            case PARAMETERS -> parameters.validProperty().get();
            case REVIEW, LAUNCH -> true;
        }, step, model.validProperty(), data.validProperty(), parameters.validProperty());
        canGoBack = step.isNotEqualTo(WizardStep.MODEL).and(launching.not()).and(launchedRun.isNull());
        canGoNext = step.isNotEqualTo(WizardStep.LAUNCH).and(stepValid);
        // the demo's model and tasks come with the demo's settings; any model's context bounds the lengths
        model.setOnDemoChosen(this::loadDemoRecipe);
        data.setOnDemoChosen(this::loadDemoRecipe);
        model.summaryProperty().addListener((observable, before, now) -> {
            if (now != null) {
                parameters.fitToModel();
            }
        });
        canLaunch = step.isEqualTo(WizardStep.LAUNCH).and(launching.not()).and(launchedRun.isNull())
                .and(model.validProperty()).and(data.validProperty()).and(parameters.validProperty());
    }

    private void loadDemoRecipe() {
        parameters.loadDemoRecipe(DemoRecipe.training(WorkspaceDemoLauncher.ITERATIONS));
    }

    /** The limits the chosen model and data put on the hyper-parameters. */
    static ParameterForm.Limits limits(ModelStepViewModel model, DatasetStepViewModel data) {
        ModelSummary summary = model.summary();
        DatasetCheck check = data.checkProperty().get();
        return new ParameterForm.Limits(summary == null ? 0 : summary.contextLength(),
                check == null || check.carriesGeneratedResponses());
    }

    // Properties

    public ReadOnlyObjectProperty<WizardStep> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public WizardStep step() {
        return step.get();
    }

    public ModelStepViewModel model() {
        return model;
    }

    public DatasetStepViewModel data() {
        return data;
    }

    public ParametersStepViewModel parameters() {
        return parameters;
    }

    public Project project() {
        return project;
    }

    /** The {@code spin} command that starts the same run, for scripts; filled when the review is shown. */
    public ReadOnlyStringProperty commandLineProperty() {
        return commandLine.getReadOnlyProperty();
    }

    /** What Launch starts, in one sentence; filled when the launch page is shown. */
    public ReadOnlyStringProperty launchSummaryProperty() {
        return launchSummary.getReadOnlyProperty();
    }

    /** Every choice in words; filled when the review is shown. */
    public ObservableList<ReviewLine> review() {
        return review;
    }

    public BooleanBinding canGoBackProperty() {
        return canGoBack;
    }

    public BooleanBinding canGoNextProperty() {
        return canGoNext;
    }

    public BooleanBinding canLaunchProperty() {
        return canLaunch;
    }

    /** True from Launch until the run is recorded or refused. */
    public ReadOnlyBooleanProperty launchingProperty() {
        return launching.getReadOnlyProperty();
    }

    /** Why the run did not start; empty otherwise. */
    public ReadOnlyStringProperty launchErrorProperty() {
        return launchError.getReadOnlyProperty();
    }

    /** The id of the run this wizard started; null before. */
    public ReadOnlyObjectProperty<Long> launchedRunProperty() {
        return launchedRun.getReadOnlyProperty();
    }

    // Commands

    public void next() {
        if (!canGoNext.get()) {
            return;
        }
        WizardStep target = step.get().next();
        if (target == WizardStep.PARAMETERS) {
            parameters.validate(); // the model and data just chosen may allow less
        }
        if (target == WizardStep.REVIEW) {
            RunSpec spec = spec();
            review.setAll(describe(spec));
            commandLine.set(SpinCommandLine.shell(spec));
        }
        if (target == WizardStep.LAUNCH) {
            RunSpec spec = spec();
            launchSummary.set(messages.get("wizard.launch.summary", spec.training().iterations(),
                    Path.of(spec.baseModel()).getFileName().toString(), Path.of(spec.dataset()).getFileName().toString(),
                    data.trainingExamples(), spec.training().optimiserSteps(data.trainingExamples())));
        }
        step.set(target);
    }

    public void back() {
        if (canGoBack.get()) {
            launchError.set("");
            step.set(step.get().previous());
        }
    }

    /**
     * A second run of a project usually trains the same model on the same data: offers what the
     * project's latest run used ({@link #startFrom}), read on {@code store}.
     */
    public void startFromLatestRun(TaskExecutor store) {
        store.execute(() -> RunSpec.ofLatestRun(liveRuns.workspace(), project.id()),
                previous -> previous.ifPresent(this::startFrom), failure -> {
                    // A run this version cannot read is no reason to refuse a new one: the fields stay empty.
                });
    }

    /**
     * Fills the model and data steps with what {@code previous} (the project's latest run)
     * used, unless the user has typed something already, and checks them.
     */
    public void startFrom(RunSpec previous) {
        if (!model.folderProperty().get().isBlank() || !data.dataFileProperty().get().isBlank()) {
            return;
        }
        data.startFrom(previous);
        parameters.load(previous.training(), messages.get("wizard.params.previous"));
        model.folderProperty().set(previous.baseModel());
        model.check(); // the data is checked once the model is known, through its chat template
    }

    /** The run the wizard would start now. */
    public RunSpec spec() {
        return RunSpecBuilder.build(project.name(), model.summary().folder(), data.choice(),
                parameters.config(data.rawProperty().get(), data.promptFormat()));
    }

    /**
     * Starts the run. {@code onLaunched} gets its id once it is recorded; a run that is
     * refused (another is training, or its model or data fails to load) leaves the wizard
     * open with the reason.
     */
    public void launch(LongConsumer onLaunched) {
        if (!canLaunch.get()) {
            return;
        }
        launchError.set("");
        LiveRun live;
        try {
            live = liveRuns.start(spec());
        } catch (IllegalStateException e) {
            launchError.set(messages.get("wizard.launch.busy"));
            return;
        } catch (RuntimeException e) {
            launchError.set(messages.get("wizard.launch.refused", LaunchErrors.describe(e, messages)));
            return;
        }
        launching.set(true);
        // The outcome is in place before launching ends, so whoever watches launching sees it.
        live.runId().whenComplete((runId, failure) -> fxThread.execute(() -> {
            if (failure != null) {
                launchError.set(messages.get("wizard.launch.refused", LaunchErrors.describe(failure, messages)));
                launching.set(false);
                return;
            }
            launchedRun.set(runId);
            launching.set(false);
            onLaunched.accept(runId);
        }));
    }

    private List<ReviewLine> describe(RunSpec spec) {
        List<ReviewLine> lines = new java.util.ArrayList<>(reviewLines.of(spec, model.summary(),
                data.checkProperty().get(), data.splitTextProperty().get(), data.trainingExamples()));
        String steps = messages.get("wizard.review.steps");
        int after = lines.stream().map(ReviewLine::label).toList().indexOf(steps) + 1;
        lines.add(after, new ReviewLine(messages.get("wizard.review.time"), timeText(spec)));
        return lines;
    }

    /** How long the run should take here, from this workspace's earlier runs of the model; said plainly when unknown. */
    private String timeText(RunSpec spec) {
        return RunTimeEstimate.of(liveRuns.workspace(), spec, data.trainingExamples()).map(estimate -> {
            double minutes = estimate.total().toMillis() / 60_000.0;
            return minutes > 90 ? messages.get("wizard.review.timeHours", minutes / 60, estimate.basisRun())
                    : messages.get("wizard.review.timeMinutes", Math.max(1, Math.round(minutes)), estimate.basisRun());
        }).orElse(messages.get("wizard.review.timeUnknown"));
    }
}
