package org.spinworkbench.ui;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.spinworkbench.io.Problems;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.ui.main.WorkbenchSession;

/**
 * The JavaFX application: the main window on one workspace. All the work is in
 * {@link WorkbenchSession} and {@link org.spinworkbench.ui.main.MainWindow}, which tests
 * build directly; this class only connects them to JavaFX's life cycle.
 */
public final class WorkbenchApplication extends Application {
    static final String WORKSPACE_PARAMETER = "workspace";

    /**
     * The one piece of static state: JavaFX creates the application reflectively and
     * {@link Application#launch} returns nothing, so the exit code comes back through here.
     * launch runs at most once per JVM.
     */
    private static final AtomicInteger EXIT_CODE = new AtomicInteger(WorkbenchSession.EXIT_OK);

    private WorkbenchSession session;

    /**
     * JavaFX warns at every start that it was loaded from the classpath, which is how the jar
     * runs by design (see docs/decisions/0002); kept referenced so the level sticks.
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    /**
     * Opens the window on {@code workspace}; returns when it closes: 0, or 1 if the workspace
     * could not be opened or there is no display to open a window on.
     */
    public static int run(Path workspace) {
        JAVAFX_LOG.setLevel(Level.SEVERE);
        try {
            Application.launch(WorkbenchApplication.class, "--" + WORKSPACE_PARAMETER + "=" + workspace);
        } catch (UnsupportedOperationException e) {
            // JavaFX's words when GTK finds no X display: "Unable to open DISPLAY"
            System.err.println("error: the window cannot open: " + Problems.describe(e) + ". Start SPIN Workbench"
                    + " from a desktop session (or under xvfb-run); every feature also runs from the command"
                    + " line: spin-workbench --help");
            return WorkbenchSession.EXIT_FAILURE;
        }
        return EXIT_CODE.get();
    }

    @Override
    public void start(Stage stage) {
        String folder = getParameters().getNamed().get(WORKSPACE_PARAMETER);
        if (folder == null) {
            throw new IllegalStateException("Started without --" + WORKSPACE_PARAMETER + "=DIR");
        }
        session = new WorkbenchSession(Path.of(folder), Workspace::open, Locale.getDefault());
        EXIT_CODE.set(session.start(stage, Platform::exit));
    }

    @Override
    public void stop() {
        if (session != null) {
            session.close();
        }
    }
}
