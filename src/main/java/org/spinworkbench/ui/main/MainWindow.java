package org.spinworkbench.ui.main;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.spinworkbench.io.Problems;
import org.spinworkbench.runs.DemoRecipe;
import org.spinworkbench.runs.LiveRun;
import org.spinworkbench.runs.LiveRuns;
import org.spinworkbench.runs.RunService;
import org.spinworkbench.store.Project;
import org.spinworkbench.store.SavedWorkspaceFolder;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.ui.about.AboutDialog;
import org.spinworkbench.ui.about.AboutViewModel;
import org.spinworkbench.ui.common.Alerts;
import org.spinworkbench.ui.common.AppIcons;
import org.spinworkbench.ui.common.DesktopOpener;
import org.spinworkbench.ui.common.DeviceSettings;
import org.spinworkbench.ui.common.ErrorMessages;
import org.spinworkbench.ui.common.Language;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.SafeConfirmation;
import org.spinworkbench.ui.common.Styles;
import org.spinworkbench.ui.common.TaskExecutor;
import org.spinworkbench.ui.common.Theme;
import org.spinworkbench.ui.common.UiSettings;
import org.spinworkbench.ui.common.WindowGeometry;
import org.spinworkbench.ui.demo.DemoLauncher;
import org.spinworkbench.ui.demo.DemoThreads;
import org.spinworkbench.ui.demo.DemoViewModel;
import org.spinworkbench.ui.demo.DemoWindow;
import org.spinworkbench.ui.demo.WorkspaceDemoLauncher;
import org.spinworkbench.ui.explorer.ProjectActions;
import org.spinworkbench.ui.project.RunScreens;
import org.spinworkbench.ui.settings.SettingsChanges;
import org.spinworkbench.ui.settings.SettingsDialog;
import org.spinworkbench.ui.settings.SettingsViewModel;

/**
 * The main window on an open workspace. Its content is built for one language; changing the
 * language in the settings builds it again, keeping the selected project. The geometry is
 * saved when the window hides and restored the next time.
 */
public final class MainWindow implements MainMenuBar.WindowActions {
    private final Stage stage;
    private final Workspace workspace;
    private final TaskExecutor executor;
    private final Locale systemLocale;
    private final UiSettings settings;
    private final StageGeometry geometry;
    private final DemoLauncher demoLauncher;
    private final LiveRuns liveRuns;
    private Messages messages;
    private MainViewModel viewModel;
    private DemoViewModel demo;
    private DemoWindow demoWindow;
    private final RunWindows screens;

    public MainWindow(Stage stage, Workspace workspace, TaskExecutor executor, Locale systemLocale) {
        this(stage, workspace, executor, systemLocale, WorkspaceDemoLauncher::new);
    }

    /** {@code demoLaunchers} makes what runs the workshop demo; tests pass a stand-in for the minutes-long real one. */
    MainWindow(Stage stage, Workspace workspace, TaskExecutor executor, Locale systemLocale,
               Function<LiveRuns, DemoLauncher> demoLaunchers) {
        this.stage = stage;
        this.workspace = workspace;
        this.executor = executor;
        this.systemLocale = systemLocale;
        this.settings = new UiSettings(workspace.settings());
        this.geometry = new StageGeometry(stage);
        // read when each run starts, on its own thread, so a changed device applies to the next run
        this.liveRuns = new LiveRuns(workspace, () -> new RunService(workspace, settings.device().select().device()));
        this.demoLauncher = demoLaunchers.apply(liveRuns);
        liveRuns.onStart(this::reportWhileTraining);
        this.screens = new RunWindows(stage, liveRuns, executor, () -> messages, () -> viewModel.runs().refresh());
    }

    /** The status bar says a run trains, not "Ready", until it ends, and then how it ended. */
    private void reportWhileTraining(LiveRun run) {
        run.runId().thenAccept(id -> Platform.runLater(() ->
                viewModel.status().report(messages.get("status.training", id, run.project()))));
        run.outcome().whenComplete((outcome, failure) -> Platform.runLater(() -> viewModel.status().report(
                outcome == null ? messages.get("status.runFailed", ErrorMessages.describe(failure, messages))
                        : messages.get("status.runEnded", outcome.runId(), switch (outcome.status()) {
                            case COMPLETED -> messages.get("status.runEnded.completed");
                            case CANCELLED -> messages.get("status.runEnded.cancelled");
                            case FAILED -> messages.get("status.runEnded.failed");
                            default -> messages.get("status.runEnded.stopped");
                        }))));
    }

    /** Builds the content in the saved language, puts the window where it was and shows it. */
    public void show() {
        assert Platform.isFxApplicationThread();
        Language language = settings.language();
        Parent root = Styles.apply(build(language, settings.lastProject().orElse(null), null));
        Styles.setTheme(root, settings.theme());
        Scene scene = new Scene(root);
        stage.setScene(scene);
        stage.getIcons().setAll(AppIcons.load());
        stage.setMinWidth(WindowGeometry.MIN_WIDTH);
        stage.setMinHeight(WindowGeometry.MIN_HEIGHT);
        geometry.restore(settings.windowGeometry().orElse(null));
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, event -> saveGeometry());
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, event -> stopDemo());
        stage.setOnCloseRequest(event -> {
            if (liveRuns.active().isPresent()) {
                event.consume();
                quit();
            }
        });
        stage.show();
    }

    /** The view model of the content shown now; replaced when the language changes. */
    public MainViewModel viewModel() {
        return viewModel;
    }

    @Override
    public void openSettings() {
        Language current = settings.language();
        var settingsViewModel = new SettingsViewModel(settings, SavedWorkspaceFolder.forThisUser(), executor, messages,
                current, workspace.folder());
        var dialog = new SettingsDialog(stage, messages, settingsViewModel);
        settingsViewModel.load(() -> DeviceSettings.AUTOMATIC.select().device().isGpu(),
                error -> showError(messages.get("settings.loadFailed"), error));
        dialog.show(() -> settingsViewModel.apply(this::settingsChanged,
                error -> showError(messages.get("settings.saveFailed"), error)));
    }

    private void settingsChanged(SettingsChanges changes) {
        assert Platform.isFxApplicationThread();
        if (changes.themeChanged()) {
            Styles.applyTheme(stage, changes.theme());
        }
        if (changes.languageChanged()) {
            rebuild(changes.language());
        }
        if (changes.deviceChanged()) {
            // the status bar tells where the next run computes, or why it cannot
            viewModel.status().detectDevice(executor, changes.device()::select);
        }
        if (changes.nextWorkspaceChanged()) {
            viewModel.status().report(changes.nextWorkspace() == null ? messages.get("status.nextWorkspaceDefault")
                    : messages.get("status.nextWorkspace", changes.nextWorkspace().toString()));
        } else if (!changes.languageChanged()) {
            viewModel.status().report(messages.get("status.settingsSaved"));
        }
    }

    @Override
    public void openAbout() {
        new AboutDialog(stage, messages, new AboutViewModel(messages, workspace.folder())).show();
    }

    /**
     * One demo window at a time. A run still stopping after its window closed keeps its view
     * model, so a reopened window shows it winding down instead of starting a second run.
     */
    @Override
    public void openDemo() {
        assert Platform.isFxApplicationThread();
        if (demoWindow != null && demoWindow.isShowing()) {
            demoWindow.show();
            return;
        }
        if (demo == null || !demo.busyProperty().get()) {
            demo = new DemoViewModel(demoLauncher, WorkspaceDemoLauncher.ITERATIONS, messages, new DemoThreads(
                    DemoViewModel.dedicatedThread(), Platform::runLater, System::nanoTime), this::showDemoProject);
        }
        demoWindow = new DemoWindow(stage, demo, messages, screens::openDashboard);
        demoWindow.show();
    }

    /**
     * Opens {@code docs/user-guide.md}, installed beside the bundled demo (or in the project
     * folder when run from it), with whatever the desktop opens Markdown in; the status bar
     * names the file either way.
     */
    @Override
    public void openUserGuide() {
        assert Platform.isFxApplicationThread();
        Optional<Path> guide = UserGuide.locate();
        if (guide.isEmpty()) {
            viewModel.status().report(messages.get("status.guideMissing"));
            return;
        }
        viewModel.status().report(messages.get("status.guideOpened", guide.get().toString()));
        DesktopOpener.open(guide.get());
    }

    /** The runs training in this window. */
    public LiveRuns liveRuns() {
        return liveRuns;
    }

    /** The windows this one opens for runs. */
    public RunScreens screens() {
        return screens;
    }

    /**
     * Closes the window; the application then ends and closes the workspace. A run training
     * here is stopped first, if the user agrees, and the window closes once it has stopped at
     * a step boundary with its checkpoint written, so the run resumes cleanly later.
     */
    @Override
    public void quit() {
        assert Platform.isFxApplicationThread();
        if (liveRuns.active().isEmpty()) {
            stage.close();
            return;
        }
        new SafeConfirmation(stage, SafeConfirmation.Texts.named("stopRunOnQuit", messages.get("quit.stop.title"),
                messages.get("quit.stop.header"), messages.get("quit.stop.content"), messages.get("quit.stop.confirm"),
                messages.get("quit.stop.keep"))).show(() -> {
            viewModel.status().report(messages.get("status.stoppingRun"));
            liveRuns.cancelActive().whenComplete((outcome, failure) -> Platform.runLater(stage::close));
        });
    }

    private Parent build(Language language, Long selectId, String statusKey) {
        messages = Messages.forLocale(language.locale(systemLocale));
        stage.setTitle(messages.get("window.title"));
        viewModel = new MainViewModel(workspace, executor, messages, ZoneId.systemDefault(),
                runId -> liveRuns.find(runId).isPresent());
        var actions = new ProjectActions(stage, messages, viewModel.explorer(), workspace.projects());
        MainView view = new MainView(viewModel, actions, this, screens, messages);
        viewModel.explorer().selectedProjectProperty().addListener((observable, before, now) -> {
            if (now != null) {
                settings.saveLastProject(now.id()); // opened again on the next start
            }
        });
        viewModel.load(selectId, statusKey == null ? messages.get("status.ready") : messages.get(statusKey));
        return view;
    }

    private void rebuild(Language language) {
        assert Platform.isFxApplicationThread();
        Project selected = viewModel.explorer().selectedProject();
        Theme theme = Styles.themeOf(stage.getScene().getRoot());
        Parent root = Styles.apply(build(language, selected == null ? null : selected.id(), "status.languageChanged"));
        Styles.setTheme(root, theme);
        stage.getScene().setRoot(root);
        reopenInTheNewLanguage();
    }

    /**
     * The windows open beside this one are built for one language too: each is closed and
     * opened again on the same run or project, now in the new language. A demo window that has
     * run keeps its language with its results (closing a running one would stop the demo).
     */
    private void reopenInTheNewLanguage() {
        screens.reopenInTheNewLanguage();
        if (demoWindow != null && demoWindow.isShowing() && demo != null
                && demo.stateProperty().get() == DemoViewModel.State.READY) {
            demoWindow.requestClose();
            demo = null; // made again in the new language
            openDemo();
        }
    }

    /**
     * As the demo records its runs the explorer lists its project, selected, with {@code runId}
     * selected in its overview, so Dashboard and Compare work on it at once.
     */
    private void showDemoProject(long runId) {
        viewModel.showProject(DemoRecipe.PROJECT, runId == DemoViewModel.NO_RUN ? null : runId);
    }

    /** The workbench is closing: a demo run stops at its next step rather than writing to a closed workspace. */
    private void stopDemo() {
        if (demo != null) {
            demo.cancel();
        }
    }

    private void saveGeometry() {
        try {
            settings.saveWindowGeometry(geometry.current());
        } catch (RuntimeException e) {
            // Losing the window position must not stop the workbench from closing.
            System.err.println("Could not save the window position: " + Problems.describe(e));
        }
    }

    private void showError(String header, String reason) {
        Alerts.error(stage, messages, header, reason).show();
    }
}
