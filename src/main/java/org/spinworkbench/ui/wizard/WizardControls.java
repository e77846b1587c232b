package org.spinworkbench.ui.wizard;

import java.io.File;
import java.nio.file.Path;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The pieces every wizard page is made of: headings, help lines, error lines and path fields. */
final class WizardControls {
    private WizardControls() {
    }

    static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("wizard-heading");
        return label;
    }

    static Label help(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("wizard-help");
        return label;
    }

    static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("wizard-section");
        return label;
    }

    /** A line shown only while {@code text} is not empty. */
    static Label bound(String id, ObservableStringValue text, String styleClass) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add(styleClass);
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    static Label error(String id, ObservableStringValue text) {
        return bound(id, text, "field-error");
    }

    /**
     * A path field with its Browse button. The path is committed (and checked) on Enter, when
     * the field loses focus, and after browsing; typing alone only edits it.
     */
    static HBox pathField(String fieldId, String buttonId, String browse, StringProperty path, Runnable commit,
                          Browser browser) {
        TextField field = new TextField();
        field.setId(fieldId);
        field.textProperty().bindBidirectional(path);
        field.setOnAction(event -> commit.run());
        field.focusedProperty().addListener((observable, before, now) -> {
            if (!now) {
                commit.run();
            }
        });
        HBox.setHgrow(field, Priority.ALWAYS);
        Button button = new Button(browse);
        button.setId(buttonId);
        button.setOnAction(event -> {
            File chosen = browser.choose(field.getScene().getWindow(), start(path.get()));
            if (chosen != null) {
                path.set(chosen.getAbsolutePath());
                commit.run();
            }
        });
        HBox row = new HBox(6, field, button);
        row.setMaxWidth(Double.MAX_VALUE);
        return row;
    }

    /** Opens a chooser near {@code start}; null when the user cancels. */
    @FunctionalInterface
    interface Browser {
        File choose(Window owner, File start);
    }

    static Browser folders(String title) {
        return (owner, start) -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(title);
            if (start != null) {
                chooser.setInitialDirectory(start);
            }
            return chooser.showDialog(owner);
        };
    }

    static Browser files(String title) {
        return (owner, start) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            if (start != null) {
                chooser.setInitialDirectory(start);
            }
            return chooser.showOpenDialog(owner);
        };
    }

    /** The folder of a typed path (or the path, if it is a folder) when it exists. */
    private static File start(String typed) {
        try {
            File file = Path.of(typed.strip()).toAbsolutePath().toFile();
            File folder = file.isDirectory() ? file : file.getParentFile();
            return folder != null && folder.isDirectory() ? folder : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** How a choice box names its choices (never typed in). */
    static <T> StringConverter<T> choices(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("choices are not typed in");
            }
        };
    }
}
