package org.spinworkbench.ui.guide;

import ai.djl.Device;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.spinworkbench.runs.DemoRecipe;
import org.spinworkbench.runs.RunOutcome;
import org.spinworkbench.runs.RunService;
import org.spinworkbench.runs.RunSpec;
import org.spinworkbench.store.Project;
import org.spinworkbench.store.RunStatus;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.Cancellation;
import org.spinworkbench.train.TrainingConfig;
import org.spinworkbench.train.TrainingListener;
import org.spinworkbench.ui.common.BackgroundTaskExecutor;
import org.spinworkbench.ui.main.MainWindow;

/**
 * Makes the user guide's screenshots: runs the workshop demo into a new workspace, opens
 * every screen on it in a headless window and writes each as a PNG. Run it with
 * {@code ./mvnw -Pscreenshots -DskipTests package}; the pictures land in {@code docs/images/}.
 */
public final class UserGuideScreenshots {
    /** The guide's pictures are 1280 × 800, English, light; {@code -Dshots.width}, ... try other sizes, languages and themes. */
    private static final double WIDTH = Double.parseDouble(System.getProperty("shots.width", "1280"));
    private static final double HEIGHT = Double.parseDouble(System.getProperty("shots.height", "800"));
    private static final Locale LOCALE = Locale.forLanguageTag(System.getProperty("shots.locale", "en"));
    private static final boolean DARK = "dark".equals(System.getProperty("shots.theme"));

    private final Path output;
    private final List<String> written = new ArrayList<>();

    private UserGuideScreenshots(Path output) {
        this.output = output;
    }

    public static void main(String[] args) throws Exception {
        headless();
        Path output = Path.of(args.length > 0 ? args[0] : "docs/images").toAbsolutePath();
        Files.createDirectories(output);
        Path workspaceFolder = Files.createTempDirectory("spinwb-guide");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        Platform.setImplicitExit(false);
        int exit = 0;
        try (Workspace workspace = Workspace.open(workspaceFolder);
             BackgroundTaskExecutor executor = new BackgroundTaskExecutor()) {
            new UserGuideScreenshots(output).tour(workspace, executor);
        } catch (Exception e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            Platform.exit();
        }
        System.exit(exit);
    }

    /** Monocle's headless glass and the software renderer, unless the caller chose otherwise. */
    private static void headless() {
        setIfAbsent("glass.platform", "Monocle");
        setIfAbsent("monocle.platform", "Headless");
        // a screen larger than any window of the tour: painting past its edge overflows Monocle's buffer
        setIfAbsent("headless.geometry", "1920x1200-32");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("prism.text", "t2k");
        setIfAbsent("ai.djl.offline", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private void tour(Workspace workspace, BackgroundTaskExecutor executor) throws Exception {
        if (DARK) {
            new org.spinworkbench.ui.common.UiSettings(workspace.settings()).saveTheme(
                    org.spinworkbench.ui.common.Theme.DARK);
        }
        Stage stage = onFx(Stage::new);
        MainWindow window = onFx(() -> {
            stage.setWidth(WIDTH);
            stage.setHeight(HEIGHT);
            MainWindow main = new MainWindow(stage, workspace, executor, LOCALE);
            main.show();
            stage.setWidth(WIDTH);
            stage.setHeight(HEIGHT);
            return main;
        });
        waitFor(() -> window.viewModel().explorer().loadedProperty().get());
        snap(stage, "main-window-empty");

        secondRun(workspace);
        RunOutcome demo = demoRun(workspace);
        Project project = workspace.projects().find(DemoRecipe.PROJECT).orElseThrow();
        onFx(() -> {
            window.viewModel().explorer().reload(project.id());
            return null;
        });
        waitFor(() -> window.viewModel().runs().loadedProperty().get() && !window.viewModel().runs().runs().isEmpty());
        onFx(() -> {
            window.viewModel().runs().selectedProperty().set(window.viewModel().runs().runs().get(0));
            return null;
        });
        snap(stage, "main-window-en");

        long runId = demo.runId();
        screen(() -> window.screens().newRun(project), "trainingWizard", stage, wizard -> {
            fire(wizard, "modelDemoButton");
            waitEnabled(wizard, "wizardNext");
            snap(wizard, "wizard-model");
            fire(wizard, "wizardNext");
            fire(wizard, "dataDemoButton");
            waitEnabled(wizard, "wizardNext");
            snap(wizard, "wizard-data");
            fire(wizard, "wizardNext");
            // the demo recipe's lengths: the bundled model's context is shorter than the defaults
            type(wizard, "maxLengthField", "128");
            type(wizard, "maxPromptLengthField", "64");
            type(wizard, "maxNewTokensField", "16");
            type(wizard, "learningRateField", "2e-5");
            type(wizard, "batchSizeField", "16");
            waitEnabled(wizard, "wizardNext");
            snap(wizard, "wizard-parameters");
            // the form's end: LoRA and gradient checkpointing, as a run of a larger model sets them
            type(wizard, "loraRankField", "16");
            onFx(() -> {
                ((CheckBox) wizard.getScene().lookup("#gradientCheckpointingCheck")).setSelected(true);
                ((ScrollPane) wizard.getScene().lookup("#wizardParametersStep .scroll-pane")).setVvalue(1);
                return null;
            });
            waitEnabled(wizard, "wizardNext");
            snap(wizard, "wizard-lora");
            type(wizard, "loraRankField", "0"); // the review shows the demo's own settings
            onFx(() -> {
                ((CheckBox) wizard.getScene().lookup("#gradientCheckpointingCheck")).setSelected(false);
                return null;
            });
            waitEnabled(wizard, "wizardNext");
            fire(wizard, "wizardNext");
            snap(wizard, "wizard-review");
        });
        screen(() -> window.screens().openDashboard(runId), "dashboardWindow", stage, dashboard -> {
            Thread.sleep(3000); // the history is drawn by the dashboard's own chart thread
            snap(dashboard, "dashboard");
        });
        screen(() -> window.screens().compareResponses(runId), "compareView", stage, compare -> {
            Thread.sleep(2000);
            snap(compare, "compare");
        });
        screen(() -> window.screens().exportRun(runId), "exportDialog", stage, export -> snap(export, "export"));
        screen(() -> window.screens().compareRuns(project), "comparisonWindow", stage, comparison -> {
            Thread.sleep(3000);
            snap(comparison, "run-comparison");
        });
        screen(window::openSettings, "settingsDialog", stage, settings -> snap(settings, "settings"));
        screen(window::openDemo, "demoWindow", stage, demoWindow -> snap(demoWindow, "demo"));

        onFx(() -> {
            stage.hide(); // saves its position while the workspace is still open, as closing the app does
            return null;
        });
        System.out.println("Run " + demo.runId() + " shown; wrote " + written.size() + " screenshots to " + output
                + ": " + written);
    }

    /** A window's work in the tour: it may wait, click and take pictures. */
    @FunctionalInterface
    private interface Visit {
        void in(Window window) throws Exception;
    }

    /** Opens a screen with {@code open}, finds its window by the id of a node in it, visits it and closes it. */
    private static void screen(Runnable open, String id, Window main, Visit visit) throws Exception {
        onFx(() -> {
            open.run();
            return null;
        });
        Window window = windowWith(id, main);
        visit.in(window);
        onFx(() -> {
            window.hide();
            return null;
        });
    }

    private static void fire(Window window, String id) throws Exception {
        waitEnabled(window, id);
        onFx(() -> {
            ((ButtonBase) window.getScene().lookup("#" + id)).fire();
            return null;
        });
    }

    private static void type(Window window, String id, String text) throws Exception {
        onFx(() -> {
            ((TextInputControl) window.getScene().lookup("#" + id)).setText(text);
            return null;
        });
    }

    private static void waitEnabled(Window window, String id) throws Exception {
        waitFor(() -> {
            Node node = window.getScene().lookup("#" + id);
            return node != null && !node.isDisabled();
        });
    }

    /** A second run of the demo with a larger β, for the run comparison. */
    private static void secondRun(Workspace workspace) throws IOException {
        Path sampleData = DemoRecipe.locateSampleData(DemoRecipe.applicationJar());
        RunSpec demo = DemoRecipe.spec(sampleData, 2);
        TrainingConfig t = demo.training();
        TrainingConfig larger = t.toBuilder().optBeta(0.3).build();
        RunSpec spec = demo.toBuilder().setTraining(larger).build();
        RunOutcome outcome = new RunService(workspace, Device.cpu()).start(spec, TrainingListener.NONE,
                new Cancellation());
        if (outcome.status() != RunStatus.COMPLETED) {
            throw new IllegalStateException("The second demo run did not complete: " + outcome.message());
        }
    }

    /** The workshop demo's run, three iterations, recorded in {@code workspace}. */
    private static RunOutcome demoRun(Workspace workspace) throws IOException {
        Path sampleData = DemoRecipe.locateSampleData(DemoRecipe.applicationJar());
        RunOutcome outcome = new RunService(workspace, Device.cpu()).start(DemoRecipe.spec(sampleData, 3),
                new TrainingListener() {
                    @Override
                    public void iterationFinished(int iteration) {
                        System.out.println("Demo iteration " + iteration + " done");
                    }
                }, new Cancellation());
        if (outcome.status() != RunStatus.COMPLETED) {
            throw new IllegalStateException("The demo run did not complete: " + outcome.message());
        }
        return outcome;
    }

    /** The window other than {@code except} that shows {@code id}, once it appears. */
    static Window windowWith(String id, Window except) throws Exception {
        waitFor(() -> findWindow(id, except) != null);
        return onFx(() -> findWindow(id, except));
    }

    /** Called on the FX thread. */
    private static Window findWindow(String id, Window except) {
        for (Window window : Window.getWindows()) {
            if (window != except && window.isShowing() && window.getScene() != null
                    && window.getScene().getRoot().lookup("#" + id) != null) {
                return window;
            }
        }
        return null;
    }

    /** Writes {@code window}'s scene as {@code name}.png, after two pulses let layout and charts settle. */
    void snap(Window window, String name) throws Exception {
        settle();
        WritableImage image = onFx(() -> window.getScene().snapshot(null));
        write(SwingFXUtils.fromFXImage(image, null), name);
    }

    /** Writes one node as {@code name}.png. */
    void snap(Node node, String name) throws Exception {
        settle();
        WritableImage image = onFx(() -> node.snapshot(null, null));
        write(SwingFXUtils.fromFXImage(image, null), name);
    }

    private void write(BufferedImage image, String name) throws IOException {
        Path file = output.resolve(name + ".png");
        ImageIO.write(image, "png", file.toFile());
        written.add(file.getFileName().toString());
    }

    private static void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            onFx(() -> null);
            Thread.sleep(250);
        }
    }

    static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    /** Waits until {@code condition}, which is checked on the FX thread, holds. */
    static void waitFor(BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!onFx(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The screen did not get ready in two minutes.");
            }
            Thread.sleep(100);
        }
    }
}
