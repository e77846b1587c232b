package org.spinworkbench.ui.settings;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.spinworkbench.ui.common.ErrorMessages;
import org.spinworkbench.ui.common.Language;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.TaskExecutor;
import org.spinworkbench.ui.common.UiSettings;

/** The settings the user can change: for now, the language of the window. */
public final class SettingsViewModel {
    private final UiSettings settings;
    private final TaskExecutor executor;
    private final Messages messages;
    private final Language current;
    private final ObjectProperty<Language> language;

    /** {@code current} is the language the window shows now, as read from the settings. */
    public SettingsViewModel(UiSettings settings, TaskExecutor executor, Messages messages, Language current) {
        this.settings = settings;
        this.executor = executor;
        this.messages = messages;
        this.current = current;
        this.language = new SimpleObjectProperty<>(current);
    }

    public List<Language> languages() {
        return List.of(Language.values());
    }

    /** How a choice is named in the list: the bundle's words, the language's own name for itself. */
    public String displayName(Language choice) {
        return choice == null ? "" : messages.get(choice.messageKey());
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    /**
     * Stores the choice; {@code onChanged} runs (on the FX thread) only if the language
     * changed, so the window can rebuild itself in it.
     */
    public void apply(Consumer<Language> onChanged, Consumer<String> onError) {
        Language chosen = language.get();
        if (chosen == null || chosen == current) {
            return;
        }
        executor.execute(() -> {
            settings.saveLanguage(chosen);
            return chosen;
        }, onChanged, failure -> onError.accept(ErrorMessages.describe(failure, messages)));
    }
}
