package org.spinworkbench.ui.main;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.ui.common.CurrentThreadTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A main window on a real workspace in a temporary folder. Store calls run on the FX thread
 * through {@link CurrentThreadTaskExecutor}, so each action has finished once the FX events
 * it caused have been handled.
 */
@ExtendWith(ApplicationExtension.class)
abstract class MainWindowTestBase extends FxRobot {
    @TempDir
    Path folder;
    Workspace workspace;
    Stage stage;
    MainWindow window;

    @BeforeEach
    void openWorkspaceAndWindow() {
        workspace = Workspace.open(folder);
        interact(() -> openWindow(Locale.ENGLISH));
    }

    @AfterEach
    void closeEverything() throws TimeoutException {
        FxToolkit.cleanupStages();
        if (workspace != null) {
            workspace.close();
        }
    }

    /** A new stage and window on {@link #workspace}; call on the FX thread. */
    void openWindow(Locale systemLocale) {
        stage = new Stage();
        window = new MainWindow(stage, workspace, new CurrentThreadTaskExecutor(), systemLocale);
        window.show();
    }

    /** Closes the window and the workspace, then opens both again, as a restart would. */
    void restart(Locale systemLocale) {
        interact(stage::close);
        workspace.close();
        workspace = Workspace.open(folder);
        interact(() -> openWindow(systemLocale));
    }

    /** Projects made behind the window's back, then shown in it. */
    void givenProjects(String... names) {
        for (String name : names) {
            workspace.projects().create(name, "about " + name);
        }
        interact(() -> window.viewModel().explorer().reload(null));
    }

    String text(String id) {
        return lookup(id).queryAs(Labeled.class).getText();
    }

    boolean showing(String id) {
        return lookup(id).tryQuery().map(Node::isVisible).orElse(false)
                && lookup(id).query().getScene() != null;
    }

    MenuItem menuItem(String id) {
        MenuBar bar = lookup("#mainMenuBar").queryAs(MenuBar.class);
        return bar.getMenus().stream().flatMap(menu -> menu.getItems().stream())
                .filter(item -> id.equals(item.getId())).findFirst().orElseThrow();
    }

    void fire(String menuItemId) {
        MenuItem item = menuItem(menuItemId);
        interact(item::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
