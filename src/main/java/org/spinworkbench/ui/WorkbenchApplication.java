package org.spinworkbench.ui;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
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

    /** Opens the window on {@code workspace}; returns when it closes: 0, or 1 if the workspace could not be opened. */
    public static int run(Path workspace) {
        Application.launch(WorkbenchApplication.class, "--" + WORKSPACE_PARAMETER + "=" + workspace);
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
