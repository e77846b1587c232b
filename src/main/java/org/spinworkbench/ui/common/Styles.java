package org.spinworkbench.ui.common;

import javafx.beans.value.ChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * The workbench stylesheets, for the main window and for each dialog (dialogs have scenes of
 * their own). The dark theme is one more stylesheet on a window's root; a dialog or secondary
 * window takes the theme of the window that owns it, so screens need not know about themes.
 */
public final class Styles {
    public static final String STYLESHEET = "/css/workbench.css";
    public static final String DARK_STYLESHEET = "/css/workbench-dark.css";

    private Styles() {
    }

    public static <T extends Parent> T apply(T root) {
        add(root, STYLESHEET);
        followOwnerTheme(root);
        return root;
    }

    /** Shows {@code window} and every open window it owns, directly or not, in {@code theme}. */
    public static void applyTheme(Window window, Theme theme) {
        for (Window open : Window.getWindows()) {
            if (open == window || isOwnedBy(open, window)) {
                setTheme(open.getScene() == null ? null : open.getScene().getRoot(), theme);
            }
        }
        if (!window.isShowing() && window.getScene() != null) {
            setTheme(window.getScene().getRoot(), theme);
        }
    }

    public static void setTheme(Parent root, Theme theme) {
        if (root == null) {
            return;
        }
        var url = Styles.class.getResource(DARK_STYLESHEET);
        if (url == null) {
            return;
        }
        String dark = url.toExternalForm();
        if (theme == Theme.DARK && !root.getStylesheets().contains(dark)) {
            root.getStylesheets().add(dark);
        } else if (theme == Theme.LIGHT) {
            root.getStylesheets().remove(dark);
        }
    }

    /** The theme {@code root} is shown in. */
    public static Theme themeOf(Parent root) {
        var url = Styles.class.getResource(DARK_STYLESHEET);
        return root != null && url != null && root.getStylesheets().contains(url.toExternalForm())
                ? Theme.DARK : Theme.LIGHT;
    }

    private static void add(Parent root, String stylesheet) {
        var url = Styles.class.getResource(stylesheet);
        if (url != null) {
            root.getStylesheets().add(url.toExternalForm());
        }
    }

    private static void followOwnerTheme(Parent root) {
        ChangeListener<Window> onWindow = (observable, before, window) -> {
            if (window != null) {
                inheritTheme(root, window);
                // a dialog may be given its owner after its content was styled
                window.addEventHandler(WindowEvent.WINDOW_SHOWING, event -> inheritTheme(root, window));
            }
        };
        ChangeListener<Scene> onScene = (observable, before, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener(onWindow);
                onWindow.changed(scene.windowProperty(), null, scene.getWindow());
            }
        };
        root.sceneProperty().addListener(onScene);
        onScene.changed(root.sceneProperty(), null, root.getScene());
    }

    private static void inheritTheme(Parent root, Window window) {
        Window owner = ownerOf(window);
        if (owner != null && owner.getScene() != null && root.getScene() != null && root.getScene().getWindow() == window) {
            setTheme(root, themeOf(owner.getScene().getRoot()));
        }
    }

    private static boolean isOwnedBy(Window window, Window ancestor) {
        for (Window owner = ownerOf(window); owner != null; owner = ownerOf(owner)) {
            if (owner == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static Window ownerOf(Window window) {
        if (window instanceof Stage stage) {
            return stage.getOwner();
        }
        if (window instanceof PopupWindow popup) {
            return popup.getOwnerWindow();
        }
        return null;
    }
}
