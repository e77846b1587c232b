package org.spinworkbench.ui.main;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.spinworkbench.io.Problems;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.store.WorkspaceException;
import org.spinworkbench.ui.common.Alerts;
import org.spinworkbench.ui.common.BackgroundTaskExecutor;
import org.spinworkbench.ui.common.Language;
import org.spinworkbench.ui.common.Messages;

/**
 * One run of the GUI: opens the workspace, shows the main window, and closes both at the end.
 * A workspace that cannot be opened is explained in an error dialog instead.
 */
public final class WorkbenchSession implements AutoCloseable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;

    private final Path folder;
    private final Function<Path, Workspace> opener;
    private final Locale systemLocale;
    private Workspace workspace;
    private BackgroundTaskExecutor executor;

    /** {@code opener} is {@code Workspace::open} outside tests. */
    public WorkbenchSession(Path folder, Function<Path, Workspace> opener, Locale systemLocale) {
        this.folder = folder;
        this.opener = opener;
        this.systemLocale = systemLocale;
    }

    /**
     * Opens the workspace and shows the main window on {@code stage}, returning
     * {@link #EXIT_OK}; or shows why the workspace cannot be opened and calls
     * {@code onFailureClosed} once the user has read it, returning {@link #EXIT_FAILURE}.
     */
    public int start(Stage stage, Runnable onFailureClosed) {
        assert Platform.isFxApplicationThread();
        try {
            workspace = opener.apply(folder);
        } catch (WorkspaceException e) {
            // No workspace, no settings: the message follows the system's language.
            Messages messages = Messages.forLocale(Language.SYSTEM.locale(systemLocale));
            var alert = Alerts.error(null, messages, messages.get("error.workspace.header"), Problems.describe(e));
            alert.setOnHidden(event -> onFailureClosed.run());
            alert.show();
            return EXIT_FAILURE;
        }
        executor = new BackgroundTaskExecutor();
        new MainWindow(stage, workspace, executor, systemLocale).show();
        return EXIT_OK;
    }

    /** Lets queued store work finish, then closes the workspace (releasing its lock). */
    @Override
    public void close() {
        try {
            if (executor != null) {
                executor.close();
            }
        } finally {
            if (workspace != null) {
                workspace.close();
                workspace = null;
            }
        }
    }
}
