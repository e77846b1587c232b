package org.spinworkbench.ui.settings;

import java.util.function.Function;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.util.StringConverter;

/** A drop-down of fixed choices, each shown by its display name. */
final class ChoiceBoxes {
    private ChoiceBoxes() {
    }

    static <T> ComboBox<T> named(String id, Function<T, String> displayName) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        StringConverter<T> names = new StringConverter<>() {
            @Override
            public String toString(T choice) {
                return displayName.apply(choice);
            }

            @Override
            public T fromString(String text) {
                return null; // not editable
            }
        };
        box.setConverter(names);
        box.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : names.toString(item));
            }
        });
        return box;
    }
}
