package org.spinworkbench.ui.common;

import java.util.Locale;
import java.util.Optional;
import org.spinworkbench.lm.ComputeDevice;
import org.spinworkbench.store.SettingsRepository;

/**
 * The GUI's own preferences in the workspace settings: the language, the theme, the device
 * the window's runs compute on and the main window's geometry. Small synchronous reads and
 * writes, made at start, on close and from settings.
 */
public final class UiSettings {
    public static final String LANGUAGE = "ui.language";
    public static final String THEME = "ui.theme";
    public static final String DEVICE = "ui.device";
    public static final String THREADS = "ui.threads";
    static final String LAST_PROJECT = "ui.lastProject";
    static final String WINDOW_X = "ui.window.x";
    static final String WINDOW_Y = "ui.window.y";
    static final String WINDOW_WIDTH = "ui.window.width";
    static final String WINDOW_HEIGHT = "ui.window.height";
    static final String WINDOW_MAXIMIZED = "ui.window.maximized";

    private final SettingsRepository settings;

    public UiSettings(SettingsRepository settings) {
        this.settings = settings;
    }

    public Language language() {
        return settings.get(LANGUAGE).map(Language::fromSettingValue).orElse(Language.SYSTEM);
    }

    public void saveLanguage(Language language) {
        settings.put(LANGUAGE, language.settingValue());
    }

    /** The project selected when the window last closed; empty the first time or when unreadable. */
    public java.util.Optional<Long> lastProject() {
        try {
            return settings.get(LAST_PROJECT).map(Long::valueOf);
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    public void saveLastProject(long projectId) {
        settings.put(LAST_PROJECT, Long.toString(projectId));
    }

    public Theme theme() {
        return settings.get(THEME).map(Theme::fromSettingValue).orElse(Theme.LIGHT);
    }

    public void saveTheme(Theme theme) {
        settings.put(THEME, theme.settingValue());
    }

    /** The saved device and threads; automatic the first time, or when a value is unreadable. */
    public DeviceSettings device() {
        try {
            ComputeDevice.Choice choice = settings.get(DEVICE).map(ComputeDevice::parse).orElse(ComputeDevice.Choice.AUTO);
            int threads = settings.get(THREADS).map(Integer::parseInt).orElse(0);
            return new DeviceSettings(choice, threads);
        } catch (IllegalArgumentException e) {
            return DeviceSettings.AUTOMATIC;
        }
    }

    public void saveDevice(DeviceSettings device) {
        settings.put(DEVICE, device.choice().name().toLowerCase(Locale.ROOT));
        settings.put(THREADS, Integer.toString(device.threads()));
    }

    /** The saved geometry; empty the first time, or when a value is missing or unreadable. */
    public Optional<WindowGeometry> windowGeometry() {
        try {
            Optional<String> x = settings.get(WINDOW_X);
            Optional<String> y = settings.get(WINDOW_Y);
            Optional<String> width = settings.get(WINDOW_WIDTH);
            Optional<String> height = settings.get(WINDOW_HEIGHT);
            if (x.isEmpty() || y.isEmpty() || width.isEmpty() || height.isEmpty()) {
                return Optional.empty();
            }
            boolean maximized = settings.get(WINDOW_MAXIMIZED).map(Boolean::parseBoolean).orElse(false);
            return Optional.of(new WindowGeometry(Double.parseDouble(x.get()), Double.parseDouble(y.get()),
                    Double.parseDouble(width.get()), Double.parseDouble(height.get()), maximized));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public void saveWindowGeometry(WindowGeometry geometry) {
        settings.put(WINDOW_X, Double.toString(geometry.x()));
        settings.put(WINDOW_Y, Double.toString(geometry.y()));
        settings.put(WINDOW_WIDTH, Double.toString(geometry.width()));
        settings.put(WINDOW_HEIGHT, Double.toString(geometry.height()));
        settings.put(WINDOW_MAXIMIZED, Boolean.toString(geometry.maximized()));
    }
}
