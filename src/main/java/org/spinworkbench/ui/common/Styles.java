package org.spinworkbench.ui.common;

import javafx.scene.Parent;

/** The workbench stylesheet, for the main window and for each dialog (dialogs have scenes of their own). */
public final class Styles {
    public static final String STYLESHEET = "/css/workbench.css";

    private Styles() {
    }

    public static <T extends Parent> T apply(T root) {
        var url = Styles.class.getResource(STYLESHEET);
        if (url != null) {
            root.getStylesheets().add(url.toExternalForm());
        }
        return root;
    }
}
