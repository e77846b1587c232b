package org.spinworkbench.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.ui.common.CurrentThreadTaskExecutor;
import org.spinworkbench.ui.common.Language;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.UiSettings;

class SettingsViewModelTest {
    @TempDir
    Path folder;

    @Test
    void aNewLanguageIsStoredAndReported() {
        try (Workspace workspace = Workspace.open(folder)) {
            var settings = new UiSettings(workspace.settings());
            List<Language> changed = new ArrayList<>();
            var viewModel = new SettingsViewModel(settings, new CurrentThreadTaskExecutor(),
                    Messages.forLocale(Locale.ENGLISH), Language.SYSTEM);
            assertEquals("简体中文", viewModel.displayName(Language.SIMPLIFIED_CHINESE));
            assertEquals("System default", viewModel.displayName(Language.SYSTEM));

            viewModel.apply(changed::add, error -> { });
            assertEquals(List.of(), changed); // nothing changed, nothing stored
            assertEquals(Language.SYSTEM, settings.language());

            viewModel.languageProperty().set(Language.SIMPLIFIED_CHINESE);
            viewModel.apply(changed::add, error -> { });
            assertEquals(List.of(Language.SIMPLIFIED_CHINESE), changed);
            assertEquals(Language.SIMPLIFIED_CHINESE, settings.language());
        }
    }
}
