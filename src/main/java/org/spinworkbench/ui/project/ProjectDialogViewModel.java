package org.spinworkbench.ui.project;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The New Project and Rename Project dialogs: a name checked as it is typed, a description,
 * and a submit that keeps the dialog open with the store's answer when it refuses.
 */
public final class ProjectDialogViewModel {
    /** Does the create or rename; calls exactly one of {@code onDone} or {@code onError}. */
    @FunctionalInterface
    public interface Submitter {
        void submit(String name, String description, Runnable onDone, Consumer<String> onError);
    }

    private final Function<String, Optional<String>> nameProblem;
    private final Submitter submitter;

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper nameValid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canSubmit = nameValid.and(busy.not());

    /**
     * {@code nameProblem} says why a name cannot be used (empty when it can); an empty
     * initial name is not reported until the user has typed, but still blocks submitting.
     */
    public ProjectDialogViewModel(String initialName, Function<String, Optional<String>> nameProblem,
                                  Submitter submitter) {
        this.nameProblem = nameProblem;
        this.submitter = submitter;
        name.set(initialName);
        nameValid.set(nameProblem.apply(initialName).isEmpty());
        name.addListener((observable, before, now) -> check(now));
    }

    // Properties

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    /** The sentence shown under the name field; empty when there is nothing to say. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }

    // Commands

    /** Submits if the name is usable; {@code onDone} runs once the store has accepted it. */
    public void submit(Runnable onDone) {
        check(name.get());
        if (!canSubmit.get()) {
            return;
        }
        busy.set(true);
        submitter.submit(name.get(), description.get(), () -> {
            busy.set(false);
            onDone.run();
        }, message -> {
            busy.set(false);
            error.set(message);
            nameValid.set(false);
        });
    }

    private void check(String value) {
        Optional<String> problem = nameProblem.apply(value);
        error.set(problem.orElse(""));
        nameValid.set(problem.isEmpty());
    }

    /** For the view: bound to the OK button's disable state. */
    public BooleanBinding cannotSubmit() {
        return Bindings.not(canSubmit);
    }
}
