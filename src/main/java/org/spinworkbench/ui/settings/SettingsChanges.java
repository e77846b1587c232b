package org.spinworkbench.ui.settings;

import java.nio.file.Path;
import org.spinworkbench.ui.common.DeviceSettings;
import org.spinworkbench.ui.common.Language;
import org.spinworkbench.ui.common.Theme;

/**
 * What pressing OK changed, once stored: the window then rebuilds itself in a new language,
 * restyles itself in a new theme, or finds out again where it computes. {@code nextWorkspace}
 * is null when the next start uses the default folder.
 */
public record SettingsChanges(Language language, boolean languageChanged, Theme theme, boolean themeChanged,
        DeviceSettings device, boolean deviceChanged, Path nextWorkspace, boolean nextWorkspaceChanged) {

    public boolean any() {
        return languageChanged || themeChanged || deviceChanged || nextWorkspaceChanged;
    }
}
