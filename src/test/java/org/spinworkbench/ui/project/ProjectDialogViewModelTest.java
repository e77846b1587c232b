package org.spinworkbench.ui.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProjectDialogViewModelTest {
    private final List<String> submitted = new ArrayList<>();

    private ProjectDialogViewModel dialog(String initialName, String storeError) {
        return new ProjectDialogViewModel(initialName,
                name -> name.isBlank() ? Optional.of("empty") : name.equals("taken") ? Optional.of("taken!")
                        : Optional.empty(),
                (name, description, onDone, onError) -> {
                    submitted.add(name + "|" + description);
                    if (storeError == null) {
                        onDone.run();
                    } else {
                        onError.accept(storeError);
                    }
                });
    }

    @Test
    void anEmptyNameBlocksOkWithoutAnErrorUntilTheUserTypes() {
        var dialog = dialog("", null);
        assertFalse(dialog.canSubmitProperty().get());
        assertEquals("", dialog.errorProperty().get());
        dialog.nameProperty().set("a");
        dialog.nameProperty().set("");
        assertEquals("empty", dialog.errorProperty().get());
    }

    @Test
    void aTakenNameIsReportedAndCannotBeSubmitted() {
        var dialog = dialog("", null);
        dialog.nameProperty().set("taken");
        assertEquals("taken!", dialog.errorProperty().get());
        assertFalse(dialog.canSubmitProperty().get());
        dialog.submit(() -> submitted.add("closed"));
        assertEquals(List.of(), submitted);
    }

    @Test
    void aGoodNameIsSubmittedWithTheDescriptionAndCloses() {
        var dialog = dialog("", null);
        dialog.nameProperty().set("Alpha");
        dialog.descriptionProperty().set("first");
        assertTrue(dialog.canSubmitProperty().get());
        dialog.submit(() -> submitted.add("closed"));
        assertEquals(List.of("Alpha|first", "closed"), submitted);
    }

    @Test
    void theStoresRefusalStaysInTheDialog() {
        var dialog = dialog("Alpha", "A project named \"Alpha\" already exists.");
        assertTrue(dialog.canSubmitProperty().get());
        dialog.submit(() -> submitted.add("closed"));
        assertEquals(List.of("Alpha|"), submitted);
        assertEquals("A project named \"Alpha\" already exists.", dialog.errorProperty().get());
        assertFalse(dialog.canSubmitProperty().get());
        dialog.nameProperty().set("Beta");
        assertTrue(dialog.canSubmitProperty().get());
    }
}
