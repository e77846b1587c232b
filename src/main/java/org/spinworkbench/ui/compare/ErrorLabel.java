package org.spinworkbench.ui.compare;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** The compare view's error line: wrapped, and taking no room while there is no error. */
final class ErrorLabel {
    private ErrorLabel() {
    }

    static Label of(String id, ObservableValue<String> error) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add("compare-error");
        label.textProperty().bind(error);
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.managedProperty());
        return label;
    }
}
