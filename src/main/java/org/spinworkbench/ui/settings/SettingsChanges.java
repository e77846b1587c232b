package org.spinworkbench.ui.settings;

import java.nio.file.Path;
import java.util.Objects;
import org.spinworkbench.ui.common.DeviceSettings;
import org.spinworkbench.ui.common.Language;
import org.spinworkbench.ui.common.Theme;

/**
 * What pressing OK changed, once stored: the window then rebuilds itself in a new language,
 * restyles itself in a new theme, or finds out again where it computes. The next workspace
 * is null when the next start uses the default folder.
 */
public record SettingsChanges(Choice<Language> languageChoice, Choice<Theme> themeChoice,
                              Choice<DeviceSettings> deviceChoice, Choice<Path> nextWorkspaceChoice) {
    /** A setting as chosen, and whether that differs from what was in effect before. */
    public record Choice<T>(T value, boolean changed) {
        static <T> Choice<T> of(T chosen, T before) {
            return new Choice<>(chosen, !Objects.equals(chosen, before));
        }
    }

    public boolean any() {
        return languageChanged() || themeChanged() || deviceChanged() || nextWorkspaceChanged();
    }

    public Language language() {
        return languageChoice.value();
    }

    public boolean languageChanged() {
        return languageChoice.changed();
    }

    public Theme theme() {
        return themeChoice.value();
    }

    public boolean themeChanged() {
        return themeChoice.changed();
    }

    public DeviceSettings device() {
        return deviceChoice.value();
    }

    public boolean deviceChanged() {
        return deviceChoice.changed();
    }

    public Path nextWorkspace() {
        return nextWorkspaceChoice.value();
    }

    public boolean nextWorkspaceChanged() {
        return nextWorkspaceChoice.changed();
    }
}
