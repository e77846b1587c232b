package org.spinworkbench.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.lm.ComputeDevice;
import org.spinworkbench.store.SavedWorkspaceFolder;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.ui.common.CurrentThreadTaskExecutor;
import org.spinworkbench.ui.common.DeviceSettings;
import org.spinworkbench.ui.common.Language;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.Theme;
import org.spinworkbench.ui.common.UiSettings;

class SettingsViewModelTest {
    @TempDir
    Path folder;
    @TempDir
    Path home;

    private Workspace workspace;
    private UiSettings settings;
    private SavedWorkspaceFolder savedFolder;
    private final List<SettingsChanges> saved = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    @BeforeEach
    void openWorkspace() {
        workspace = Workspace.open(folder);
        settings = new UiSettings(workspace.settings());
        savedFolder = SavedWorkspaceFolder.forUser(Map.of(), home);
    }

    @AfterEach
    void closeWorkspace() {
        workspace.close();
    }

    private SettingsViewModel viewModel(boolean gpuPresent) {
        var viewModel = new SettingsViewModel(settings, savedFolder, new CurrentThreadTaskExecutor(),
                Messages.forLocale(Locale.ENGLISH), settings.language(), folder);
        viewModel.load(() -> gpuPresent, errors::add);
        return viewModel;
    }

    @Test
    void aNewLanguageIsStoredAndReported() {
        var viewModel = viewModel(false);
        assertEquals("简体中文", viewModel.displayName(Language.SIMPLIFIED_CHINESE));
        assertEquals("System default", viewModel.displayName(Language.SYSTEM));

        viewModel.apply(saved::add, errors::add);
        assertEquals(List.of(), saved); // nothing changed, nothing stored
        assertEquals(Language.SYSTEM, settings.language());

        viewModel.languageProperty().set(Language.SIMPLIFIED_CHINESE);
        viewModel.apply(saved::add, errors::add);
        assertEquals(1, saved.size());
        assertTrue(saved.get(0).languageChanged());
        assertFalse(saved.get(0).themeChanged() || saved.get(0).deviceChanged() || saved.get(0).nextWorkspaceChanged());
        assertEquals(Language.SIMPLIFIED_CHINESE, settings.language());
        assertEquals(List.of(), errors);
    }

    @Test
    void theStoredChoicesAreShownWhenTheDialogOpens() {
        settings.saveTheme(Theme.DARK);
        settings.saveDevice(new DeviceSettings(ComputeDevice.Choice.CPU, 2));
        savedFolder.save(home.resolve("elsewhere"));

        var viewModel = viewModel(false);
        assertTrue(viewModel.loadedProperty().get());
        assertEquals(Theme.DARK, viewModel.themeProperty().get());
        assertEquals(ComputeDevice.Choice.CPU, viewModel.deviceProperty().get());
        assertEquals(2, viewModel.threadsProperty().get());
        assertEquals(home.resolve("elsewhere"), viewModel.nextWorkspaceProperty().get());
        assertEquals(folder, viewModel.currentWorkspace());
    }

    @Test
    void theGpuIsOfferedOnlyWhenTheEngineSeesOne() {
        assertEquals(List.of(ComputeDevice.Choice.AUTO, ComputeDevice.Choice.CPU), List.copyOf(viewModel(false).devices()));
        assertEquals(List.of(ComputeDevice.Choice.AUTO, ComputeDevice.Choice.CPU, ComputeDevice.Choice.GPU),
                List.copyOf(viewModel(true).devices()));
        assertEquals("Automatic (the GPU when there is one)", viewModel(false).displayName(ComputeDevice.Choice.AUTO));
    }

    @Test
    void aGpuChosenEarlierStaysListedEvenWithoutOne() {
        settings.saveDevice(new DeviceSettings(ComputeDevice.Choice.GPU, 0));
        var viewModel = viewModel(false);
        assertTrue(viewModel.devices().contains(ComputeDevice.Choice.GPU));
        assertEquals(ComputeDevice.Choice.GPU, viewModel.deviceProperty().get());
    }

    @Test
    void deviceThreadsAndThemeAreStoredAndReported() {
        var viewModel = viewModel(true);
        viewModel.deviceProperty().set(ComputeDevice.Choice.CPU);
        viewModel.threadsProperty().set(4);
        viewModel.themeProperty().set(Theme.DARK);
        viewModel.apply(saved::add, errors::add);

        assertEquals(1, saved.size());
        SettingsChanges changes = saved.get(0);
        assertTrue(changes.deviceChanged());
        assertTrue(changes.themeChanged());
        assertFalse(changes.languageChanged());
        assertEquals(new DeviceSettings(ComputeDevice.Choice.CPU, 4), changes.device());
        assertEquals(new DeviceSettings(ComputeDevice.Choice.CPU, 4), settings.device());
        assertEquals(Theme.DARK, settings.theme());

        viewModel(true).apply(saved::add, errors::add);
        assertEquals(1, saved.size(), "reopened with the stored values, OK changes nothing");
        assertEquals(List.of(), errors);
    }

    @Test
    void negativeThreadsAreRefusedWithAMessage() {
        var viewModel = viewModel(false);
        viewModel.threadsProperty().set(-1);
        viewModel.apply(saved::add, errors::add);
        assertEquals(List.of(), saved);
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).contains("threads"), errors.get(0));
        assertEquals(DeviceSettings.AUTOMATIC, settings.device());
    }

    @Test
    void theNextWorkspaceIsSavedOutsideTheWorkspaceAndCanGoBackToTheDefault() {
        var viewModel = viewModel(false);
        assertNull(viewModel.nextWorkspaceProperty().get());
        viewModel.nextWorkspaceProperty().set(home.resolve("projects/ws"));
        viewModel.apply(saved::add, errors::add);
        assertTrue(saved.get(0).nextWorkspaceChanged());
        assertEquals(Optional.of(home.resolve("projects/ws")), savedFolder.read());
        assertEquals(Optional.empty(), workspace.settings().get("workspace"), "not in the workspace it chooses");

        var reopened = viewModel(false);
        reopened.nextWorkspaceProperty().set(null);
        reopened.apply(saved::add, errors::add);
        assertEquals(2, saved.size());
        assertNull(saved.get(1).nextWorkspace());
        assertEquals(Optional.empty(), savedFolder.read());
    }

    @Test
    void aFolderThatCannotBeSavedIsReported() throws Exception {
        // the config folder's parent is a file: the properties file cannot be written
        java.nio.file.Files.writeString(home.resolve(".config"), "not a folder");
        var viewModel = viewModel(false);
        viewModel.nextWorkspaceProperty().set(home.resolve("ws"));
        viewModel.apply(saved::add, errors::add);
        assertEquals(List.of(), saved);
        assertEquals(1, errors.size());
    }
}
