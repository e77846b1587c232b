package org.spinworkbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.lm.ComputeDevice;
import org.spinworkbench.store.Workspace;

class UiSettingsTest {
    @TempDir
    Path folder;

    @Test
    void languageAndGeometrySurviveReopeningTheWorkspace() {
        try (Workspace workspace = Workspace.open(folder)) {
            var settings = new UiSettings(workspace.settings());
            assertEquals(Language.SYSTEM, settings.language());
            assertEquals(Optional.empty(), settings.windowGeometry());
            settings.saveLanguage(Language.SIMPLIFIED_CHINESE);
            settings.saveWindowGeometry(new WindowGeometry(10.5, 20, 900, 700, true));
        }
        try (Workspace workspace = Workspace.open(folder)) {
            var settings = new UiSettings(workspace.settings());
            assertEquals(Language.SIMPLIFIED_CHINESE, settings.language());
            assertEquals(Optional.of(new WindowGeometry(10.5, 20, 900, 700, true)), settings.windowGeometry());
            assertEquals(Optional.of("zh-CN"), workspace.settings().get(UiSettings.LANGUAGE));
        }
    }

    @Test
    void anUnreadableGeometryIsIgnored() {
        try (Workspace workspace = Workspace.open(folder)) {
            var settings = new UiSettings(workspace.settings());
            settings.saveWindowGeometry(new WindowGeometry(1, 2, 3, 4, false));
            workspace.settings().put(UiSettings.WINDOW_WIDTH, "wide");
            assertEquals(Optional.empty(), settings.windowGeometry());
        }
    }

    @Test
    void themeAndDeviceSurviveReopeningTheWorkspace() {
        try (Workspace workspace = Workspace.open(folder)) {
            var settings = new UiSettings(workspace.settings());
            assertEquals(Theme.LIGHT, settings.theme());
            assertEquals(DeviceSettings.AUTOMATIC, settings.device());
            settings.saveTheme(Theme.DARK);
            settings.saveDevice(new DeviceSettings(ComputeDevice.Choice.CPU, 3));
        }
        try (Workspace workspace = Workspace.open(folder)) {
            var settings = new UiSettings(workspace.settings());
            assertEquals(Theme.DARK, settings.theme());
            assertEquals(new DeviceSettings(ComputeDevice.Choice.CPU, 3), settings.device());
            assertEquals(Optional.of("cpu"), workspace.settings().get(UiSettings.DEVICE));
        }
    }

    @Test
    void anUnreadableDeviceFallsBackToAutomatic() {
        try (Workspace workspace = Workspace.open(folder)) {
            var settings = new UiSettings(workspace.settings());
            workspace.settings().put(UiSettings.DEVICE, "tpu");
            assertEquals(DeviceSettings.AUTOMATIC, settings.device());
            workspace.settings().put(UiSettings.DEVICE, "gpu");
            workspace.settings().put(UiSettings.THREADS, "-2");
            assertEquals(DeviceSettings.AUTOMATIC, settings.device());
            workspace.settings().put(UiSettings.THREADS, "4");
            assertEquals(new DeviceSettings(ComputeDevice.Choice.GPU, 4), settings.device());
        }
    }
}
