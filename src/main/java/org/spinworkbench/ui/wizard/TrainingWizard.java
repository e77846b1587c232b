package org.spinworkbench.ui.wizard;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongConsumer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import org.spinworkbench.runs.DemoRecipe;
import org.spinworkbench.runs.LiveRuns;
import org.spinworkbench.store.Project;
import org.spinworkbench.ui.common.AppIcons;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.Styles;
import org.spinworkbench.ui.common.TaskExecutor;

/**
 * The training wizard, opened by "New run…": base model → data → hyper-parameters → review
 * → launch, in a window of its own over the main window. The steps are on the left; Back and
 * Next keep what was entered. A project that has runs starts from its latest run's model and
 * data. Launch starts the run in {@link LiveRuns} and closes the wizard once it is recorded.
 */
public final class TrainingWizard {
    private final Stage stage = new Stage();
    private final TaskExecutor executor;
    private final Messages messages;
    private final TrainingWizardViewModel viewModel;
    private final LongConsumer onLaunched;

    /** {@code onLaunched} hears the id of the run the wizard started. */
    public TrainingWizard(Stage owner, LiveRuns liveRuns, TaskExecutor executor, Messages messages, Project project,
                          LongConsumer onLaunched) {
        this.executor = executor;
        this.messages = messages;
        this.onLaunched = onLaunched;
        ModelStepViewModel model = new ModelStepViewModel(executor, messages, new ModelInspector(),
                () -> sampleData().resolve(DemoRecipe.MODEL_FOLDER));
        DatasetStepViewModel data = new DatasetStepViewModel(executor, messages, new DatasetInspector(),
                model.summaryProperty(), () -> sampleData().resolve(DemoRecipe.TASKS_FOLDER));
        ParametersStepViewModel parameters = new ParametersStepViewModel(messages,
                () -> TrainingWizardViewModel.limits(model, data));
        viewModel = new TrainingWizardViewModel(liveRuns, messages, project, new WizardSteps(model, data, parameters),
                Platform::runLater);

        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(messages.get("wizard.title", project.name()));
        stage.getIcons().setAll(AppIcons.load());
        stage.setScene(new Scene(Styles.apply(content()), 900, 640));
        stage.setMinWidth(720);
        stage.setMinHeight(520);
    }

    public void show() {
        assert Platform.isFxApplicationThread();
        stage.show();
        stage.toFront();
        viewModel.startFromLatestRun(executor);
    }

    /** For tests and the screenshot tour. */
    public TrainingWizardViewModel viewModel() {
        return viewModel;
    }

    private BorderPane content() {
        Map<WizardStep, Node> pages = new EnumMap<>(WizardStep.class);
        pages.put(WizardStep.MODEL, scrolled(new ModelStepView(viewModel.model(), messages)));
        pages.put(WizardStep.DATASET, scrolled(new DatasetStepView(viewModel.data(), messages)));
        pages.put(WizardStep.PARAMETERS, new ParametersStepView(viewModel.parameters(), messages));
        pages.put(WizardStep.REVIEW, new ReviewStepView(viewModel, messages));
        pages.put(WizardStep.LAUNCH, new LaunchStepView(viewModel, messages));
        StackPane centre = new StackPane();
        centre.getStyleClass().add("wizard-centre");
        pages.forEach((step, page) -> {
            page.visibleProperty().bind(viewModel.stepProperty().isEqualTo(step));
            centre.getChildren().add(page);
        });

        BorderPane root = new BorderPane(centre);
        root.setId("trainingWizard");
        root.getStyleClass().add("wizard");
        root.setLeft(stepList());
        root.setBottom(buttons());
        return root;
    }

    /** A page that may be taller than the window: long problem lists, a preview of long prompts. */
    private static ScrollPane scrolled(Node page) {
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("wizard-scroll");
        return scroll;
    }

    private VBox stepList() {
        VBox list = new VBox(4);
        list.setId("wizardSteps");
        list.getStyleClass().add("wizard-steps");
        for (WizardStep step : WizardStep.values()) {
            Label label = new Label(stepName(step));
            label.setId("wizardStep" + step.ordinal());
            label.getStyleClass().add("wizard-step");
            Runnable mark = () -> {
                label.getStyleClass().remove("wizard-step-current");
                if (viewModel.step() == step) {
                    label.getStyleClass().add("wizard-step-current");
                }
            };
            viewModel.stepProperty().addListener((observable, before, now) -> mark.run());
            mark.run();
            list.getChildren().add(label);
        }
        return list;
    }

    private String stepName(WizardStep step) {
        return switch (step) {
            case MODEL -> messages.get("wizard.step.model");
            case DATASET -> messages.get("wizard.step.data");
            case PARAMETERS -> messages.get("wizard.step.parameters");
            case REVIEW -> messages.get("wizard.step.review");
            case LAUNCH -> messages.get("wizard.step.launch");
        };
    }

    private ButtonBar buttons() {
        Button back = new Button(messages.get("wizard.back"));
        back.setId("wizardBack");
        back.disableProperty().bind(viewModel.canGoBackProperty().not());
        back.setOnAction(event -> viewModel.back());
        Button next = new Button(messages.get("wizard.next"));
        next.setId("wizardNext");
        next.setDefaultButton(true);
        next.disableProperty().bind(viewModel.canGoNextProperty().not());
        next.visibleProperty().bind(viewModel.stepProperty().isNotEqualTo(WizardStep.LAUNCH));
        next.managedProperty().bind(next.visibleProperty());
        next.setOnAction(event -> viewModel.next());
        Button launch = new Button(messages.get("wizard.launch"));
        launch.setId("wizardLaunch");
        launch.getStyleClass().add("accent");
        launch.disableProperty().bind(viewModel.canLaunchProperty().not());
        launch.visibleProperty().bind(viewModel.stepProperty().isEqualTo(WizardStep.LAUNCH));
        launch.managedProperty().bind(launch.visibleProperty());
        launch.setOnAction(event -> viewModel.launch(runId -> {
            stage.close();
            onLaunched.accept(runId);
        }));
        Button cancel = new Button(messages.get("button.cancel"));
        cancel.setId("wizardCancel");
        cancel.setCancelButton(true);
        cancel.disableProperty().bind(viewModel.launchingProperty());
        cancel.setOnAction(event -> stage.close());
        ButtonBar.setButtonData(back, ButtonBar.ButtonData.BACK_PREVIOUS);
        ButtonBar.setButtonData(next, ButtonBar.ButtonData.NEXT_FORWARD);
        ButtonBar.setButtonData(launch, ButtonBar.ButtonData.FINISH);
        ButtonBar.setButtonData(cancel, ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonBar bar = new ButtonBar();
        bar.getStyleClass().add("wizard-buttons");
        bar.getButtons().setAll(back, next, launch, cancel);
        return bar;
    }

    private static Path sampleData() {
        return DemoRecipe.locateSampleData(DemoRecipe.applicationJar());
    }
}
