package org.spinworkbench.ui;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: the main window on one workspace. */
public final class WorkbenchApplication extends Application {
    static final String WORKSPACE_PARAMETER = "workspace";

    /** Opens the window on {@code workspace}; returns when it closes. */
    public static int run(Path workspace) {
        Application.launch(WorkbenchApplication.class, "--" + WORKSPACE_PARAMETER + "=" + workspace);
        return 0;
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("SPIN Workbench");
        stage.show();
    }
}
