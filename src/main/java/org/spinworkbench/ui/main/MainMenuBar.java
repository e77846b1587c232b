package org.spinworkbench.ui.main;

import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.explorer.ProjectActions;

/** File and Help menus. */
public final class MainMenuBar extends MenuBar {

    /** What the menus do beyond the project commands. */
    public interface WindowActions {
        void openSettings();

        void openAbout();

        /** Opens the workshop demo window, or brings it forward when it is open. */
        void openDemo();

        /** Opens the user guide installed with the application. */
        void openUserGuide();

        void quit();
    }

    public MainMenuBar(Messages messages, ProjectActions projects, WindowActions window, BooleanBinding noSelection) {
        setId("mainMenuBar");
        setUseSystemMenuBar(true);

        MenuItem newProject = item(messages.get("menu.file.newProject"), "menuNewProject", "Shortcut+N");
        newProject.setOnAction(event -> projects.newProject());
        MenuItem rename = item(messages.get("menu.file.renameProject"), "menuRenameProject", "F2");
        rename.disableProperty().bind(noSelection);
        rename.setOnAction(event -> projects.renameSelected());
        // Delete as an accelerator only reaches the menu when no text field has used the key.
        MenuItem delete = item(messages.get("menu.file.deleteProject"), "menuDeleteProject", "Delete");
        delete.disableProperty().bind(noSelection);
        delete.setOnAction(event -> projects.deleteSelected());
        MenuItem settings = item(messages.get("menu.file.settings"), "menuSettings", "Shortcut+Comma");
        settings.setOnAction(event -> window.openSettings());
        MenuItem quit = item(messages.get("menu.file.quit"), "menuQuit", "Shortcut+Q");
        quit.setOnAction(event -> window.quit());
        Menu file = new Menu(messages.get("menu.file"), null, newProject, rename, delete,
                new SeparatorMenuItem(), settings, new SeparatorMenuItem(), quit);
        file.setId("menuFile");

        MenuItem demo = item(messages.get("menu.help.demo"), "menuDemo", null);
        demo.setOnAction(event -> window.openDemo());
        MenuItem guide = item(messages.get("menu.help.guide"), "menuUserGuide", "F1");
        guide.setOnAction(event -> window.openUserGuide());
        MenuItem about = item(messages.get("menu.help.about"), "menuAbout", null);
        about.setOnAction(event -> window.openAbout());
        Menu help = new Menu(messages.get("menu.help"), null, guide, demo, new SeparatorMenuItem(), about);
        help.setId("menuHelp");

        getMenus().setAll(file, help);
    }

    private static MenuItem item(String text, String id, String accelerator) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        return item;
    }
}
