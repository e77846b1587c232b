package org.spinworkbench.ui.compare;

import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

/**
 * Typing into an editable spinner: text that is not a number would throw on the FX thread
 * when committed; it is ignored instead and the spinner shows its last value again.
 */
final class SpinnerInput {
    private SpinnerInput() {
    }

    static <T> void keepLastValidValue(Spinner<T> spinner) {
        SpinnerValueFactory<T> factory = spinner.getValueFactory();
        StringConverter<T> parse = factory.getConverter();
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return parse.toString(value);
            }

            @Override
            public T fromString(String text) {
                try {
                    T value = parse.fromString(text.strip());
                    return value == null ? factory.getValue() : value;
                } catch (RuntimeException e) {
                    return factory.getValue();
                }
            }
        });
        spinner.focusedProperty().addListener((observable, before, focused) -> {
            if (!focused) {
                spinner.getEditor().setText(factory.getConverter().toString(factory.getValue()));
            }
        });
    }
}
