package org.spinworkbench.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.runs.LiveRun;
import org.spinworkbench.runs.LiveRuns;
import org.spinworkbench.runs.RunOutcome;
import org.spinworkbench.runs.RunService;
import org.spinworkbench.runs.RunSpec;
import org.spinworkbench.runs.TinyRuns;
import org.spinworkbench.store.Project;
import org.spinworkbench.store.Run;
import org.spinworkbench.store.RunStatus;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.TrainingConfig;
import org.spinworkbench.ui.common.CurrentThreadTaskExecutor;
import org.spinworkbench.ui.common.Messages;

/** The whole wizard without a window: steps, review and a real tiny run launched into a real workspace. */
class TrainingWizardViewModelTest {
    @TempDir
    Path dir;

    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private Workspace workspace;
    private LiveRuns liveRuns;
    private Path model;
    private Path data;
    private TrainingWizardViewModel wizard;

    @BeforeEach
    void openWorkspace() throws Exception {
        workspace = Workspace.open(dir.resolve("ws"));
        liveRuns = new LiveRuns(workspace, () -> new RunService(workspace, Device.cpu()));
        model = TinyRuns.model(dir);
        data = TinyRuns.data(dir);
        wizard = wizard(workspace.projects().create("Sums", "tiny additions"));
    }

    @AfterEach
    void closeWorkspace() throws Exception {
        liveRuns.cancelActive().handle((outcome, failure) -> null).get(120, TimeUnit.SECONDS);
        workspace.close();
    }

    private TrainingWizardViewModel wizard(Project project) {
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        ModelStepViewModel modelStep = new ModelStepViewModel(executor, messages, new ModelInspector(), () -> model);
        DatasetStepViewModel dataStep = new DatasetStepViewModel(executor, messages, new DatasetInspector(),
                modelStep.summaryProperty(), () -> dir);
        ParametersStepViewModel parameters = new ParametersStepViewModel(messages,
                () -> TrainingWizardViewModel.limits(modelStep, dataStep));
        return new TrainingWizardViewModel(liveRuns, messages, project,
                new WizardSteps(modelStep, dataStep, parameters), Runnable::run);
    }

    @Test
    void nextWaitsForEachStepAndBackKeepsWhatWasEntered() {
        assertEquals(WizardStep.MODEL, wizard.step());
        assertFalse(wizard.canGoBackProperty().get());
        assertFalse(wizard.canGoNextProperty().get());
        wizard.next();
        assertEquals(WizardStep.MODEL, wizard.step());

        chooseModelAndData();
        assertEquals(WizardStep.PARAMETERS, wizard.step());
        // The tiny model reads 256 tokens: the default lengths (1024, 512, 256) are fitted to it, and said so.
        assertTrue(wizard.canGoNextProperty().get(), wizard.parameters().errorProperty().get());
        assertEquals(java.util.List.of("256", "128", "128"), java.util.stream.Stream.of(Parameter.MAX_LENGTH,
                Parameter.MAX_PROMPT_LENGTH, Parameter.MAX_NEW_TOKENS).map(p -> wizard.parameters().field(p).get())
                .toList());
        assertEquals("Lengths shortened to fit the model's context of 256 tokens.",
                wizard.parameters().noticeProperty().get());
        assertFalse(wizard.parameters().dataCarriesGeneratedProperty().get(),
                "prompt/response rows carry no synthetic response: the choice to use them is not offered");
        wizard.parameters().field(Parameter.MAX_LENGTH).set("64");
        wizard.parameters().field(Parameter.MAX_PROMPT_LENGTH).set("32");
        assertTrue(wizard.canGoNextProperty().get(), wizard.parameters().errorProperty().get());

        wizard.back();
        wizard.back();
        assertEquals(WizardStep.MODEL, wizard.step());
        assertEquals(model.toString(), wizard.model().folderProperty().get());
        assertTrue(wizard.canGoNextProperty().get());
        wizard.next();
        assertEquals(data.toString(), wizard.data().dataFileProperty().get());
        assertEquals("0.25", wizard.data().fractionProperty().get());
        wizard.next();
        assertEquals("64", wizard.parameters().field(Parameter.MAX_LENGTH).get());
        assertTrue(wizard.canGoNextProperty().get());
    }

    @Test
    void theReviewListsEveryChoiceInWords() {
        goToReview();
        Map<String, String> review = wizard.review().stream()
                .collect(Collectors.toMap(ReviewLine::label, ReviewLine::value));
        assertEquals("Sums", review.get("Project"));
        assertTrue(review.get("Base model").startsWith(model.toAbsolutePath().normalize() + " (LlamaForCausalLM, "),
                review.get("Base model"));
        assertEquals(data.toAbsolutePath().normalize() + " (prompt/response, 12 examples)", review.get("Training data"));
        assertEquals("No estimate yet: no self-play run of this model has finished an iteration in this workspace",
                review.get("Time on this machine"));
        long steps = wizard.spec().training().optimiserSteps(9);
        assertEquals(steps + " in all (9 training examples, 3 a step)", review.get("Optimiser steps"));
        assertEquals(org.spinworkbench.runs.SpinCommandLine.shell(wizard.spec()), wizard.commandLineProperty().get());
        wizard.next();
        assertEquals("1 iteration of self-play from base-model on sums.jsonl: 9 training examples, " + steps
                + " optimiser steps.", wizard.launchSummaryProperty().get());
        assertEquals("25% of the data held out — 9 training and 3 held-out examples", review.get("Evaluation"));
        assertEquals("None; a bad row stops the run", review.get("Bad rows"));
        assertEquals("Not measured", review.get("Task accuracy"));
        assertEquals("Chat template: the model's own", review.get("Prompts"));
        assertEquals("1", review.get("Iterations"));
        assertEquals("0.001", review.get("Learning rate"));
        assertEquals("Sigmoid", review.get("Loss"));
        assertEquals("Linear", review.get("Schedule"));
        assertEquals("No", review.get("Mix in the previous iteration's pairs"));
    }

    @Test
    void launchRecordsTheRunAndItTrainsToTheEnd() throws Exception {
        goToReview();
        wizard.next();
        assertEquals(WizardStep.LAUNCH, wizard.step());
        assertTrue(wizard.canLaunchProperty().get());
        RunSpec expected = wizard.spec();
        CompletableFuture<Long> launched = new CompletableFuture<>();
        wizard.launch(launched::complete);
        long runId = launched.get(60, TimeUnit.SECONDS);

        assertEquals(runId, wizard.launchedRunProperty().get());
        assertFalse(wizard.canLaunchProperty().get()); // one run per wizard
        Run run = workspace.runs().findById(runId).orElseThrow();
        assertEquals(expected, RunSpec.fromJson(run.configJson()));
        assertEquals(workspace.projects().find("Sums").orElseThrow().id(), run.projectId());
        LiveRun live = liveRuns.find(runId).orElseThrow();
        RunOutcome outcome = live.outcome().get(120, TimeUnit.SECONDS);
        assertEquals(RunStatus.COMPLETED, outcome.status(), outcome.message());
        assertEquals(1, outcome.iterations().size());
    }

    @Test
    void anotherRunTrainingIsSaidAndNothingIsStarted() throws Exception {
        LiveRun other = liveRuns.start(TinyRuns.spec(model, data, TinyRuns.config(3, 0)));
        other.runId().get(60, TimeUnit.SECONDS);
        goToReview();
        wizard.next();
        wizard.launch(runId -> {
            throw new AssertionError("no run may start");
        });
        assertEquals("Another run is training in this window. Wait for it to end, or cancel it on its dashboard, then"
                + " launch this one.", wizard.launchErrorProperty().get());
        assertFalse(wizard.launchingProperty().get());
        assertTrue(wizard.canLaunchProperty().get()); // once the other run ends, Launch can be pressed again
        assertEquals(1, workspace.runs().listAll().size());
    }

    @Test
    void aRunRefusedByTheRunServiceLeavesTheWizardOpenWithTheReason() throws Exception {
        goToReview();
        wizard.next();
        Files.delete(data); // gone between the check and the launch
        CompletableFuture<Void> done = new CompletableFuture<>();
        wizard.launchingProperty().addListener((observable, before, now) -> {
            if (!now) {
                done.complete(null);
            }
        });
        wizard.launch(runId -> {
            throw new AssertionError("the run must be refused");
        });
        done.get(60, TimeUnit.SECONDS);
        assertEquals("The run could not start: sums.jsonl: no such file", wizard.launchErrorProperty().get());
        assertNull(wizard.launchedRunProperty().get());
        assertTrue(wizard.canLaunchProperty().get());
        assertTrue(workspace.runs().listAll().isEmpty());
    }

    @Test
    void theBundledDemoBringsTheDemosSettings() {
        wizard.parameters().field(Parameter.LEARNING_RATE).set("0.5");
        wizard.model().useDemoModel(); // the tiny model stands in for the bundled one
        ParametersStepViewModel parameters = wizard.parameters();
        org.spinworkbench.train.TrainingConfig recipe = org.spinworkbench.runs.DemoRecipe.training(3);
        for (Parameter parameter : Parameter.values()) {
            assertEquals(parameter.text(recipe), parameters.field(parameter).get(), parameter.name());
        }
        assertEquals("The workshop demo's settings are loaded.", parameters.noticeProperty().get());
        assertTrue(parameters.validProperty().get(), parameters.errorProperty().get());
        parameters.field(Parameter.TEMPERATURE).set("16");
        assertTrue(parameters.validProperty().get(), "an implausible value is warned, not refused");
        assertEquals("Check Temperature: above 2 sampling is close to uniform noise.",
                parameters.warningProperty().get());
        assertEquals("", parameters.noticeProperty().get(), "a typed value ends the notice");
    }

    @Test
    void aProjectsLatestRunSuppliesItsSettingsToo() {
        org.spinworkbench.train.TrainingConfig previous = TinyRuns.config(2, 0).toBuilder().optBeta(0.3)
                .optLearningRate(7e-4).build();
        wizard.startFrom(previousRun(previous));
        ParametersStepViewModel parameters = wizard.parameters();
        for (Parameter parameter : Parameter.values()) {
            assertEquals(parameter.text(previous), parameters.field(parameter).get(), parameter.name());
        }
        assertEquals("The settings of this project's latest run are loaded.", parameters.noticeProperty().get());
    }

    @Test
    void aProjectsLatestRunSuppliesTheModelAndData() throws Exception {
        wizard.startFrom(previousRun(TinyRuns.config(1, 0)));
        assertTrue(wizard.model().validProperty().get(), wizard.model().errorProperty().get());
        assertTrue(wizard.data().validProperty().get(), wizard.data().errorProperty().get());
        assertEquals("6 training and 6 held-out examples", wizard.data().splitTextProperty().get());
        assertEquals(3, wizard.data().preview().size());
    }

    private void chooseModelAndData() {
        wizard.model().folderProperty().set(model.toString());
        wizard.model().check();
        wizard.next();
        assertEquals(WizardStep.DATASET, wizard.step());
        assertFalse(wizard.canGoNextProperty().get());
        wizard.data().dataFileProperty().set(data.toString());
        wizard.data().fractionProperty().set("0.25");
        wizard.data().check();
        assertTrue(wizard.canGoNextProperty().get(), wizard.data().errorProperty().get());
        wizard.next();
    }

    private void goToReview() {
        chooseModelAndData();
        ParametersStepViewModel parameters = wizard.parameters();
        parameters.field(Parameter.ITERATIONS).set("1");
        parameters.field(Parameter.BATCH_SIZE).set("3");
        parameters.field(Parameter.LEARNING_RATE).set("1e-3");
        parameters.field(Parameter.MAX_LENGTH).set("64");
        parameters.field(Parameter.MAX_PROMPT_LENGTH).set("32");
        parameters.field(Parameter.MAX_NEW_TOKENS).set("6");
        parameters.field(Parameter.SAVE_STEPS).set("2");
        wizard.next();
        assertEquals(WizardStep.REVIEW, wizard.step());
    }

    /** The spec of the project's previous run: the tiny model on the sums, half of them held out. */
    private RunSpec previousRun(TrainingConfig training) {
        return RunSpec.builder().setProject("Sums").setBaseModel(model.toString()).setDataset(data.toString())
                .setTraining(training).optDatasetFormat("PROMPT_RESPONSE").optEvalFraction(0.5).build();
    }
}
