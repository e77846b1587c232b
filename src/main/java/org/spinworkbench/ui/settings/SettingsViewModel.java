package org.spinworkbench.ui.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import org.spinworkbench.io.Problems;
import org.spinworkbench.lm.ComputeDevice;
import org.spinworkbench.store.SavedWorkspaceFolder;
import org.spinworkbench.ui.common.DeviceSettings;
import org.spinworkbench.ui.common.ErrorMessages;
import org.spinworkbench.ui.common.Language;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.TaskExecutor;
import org.spinworkbench.ui.common.Theme;
import org.spinworkbench.ui.common.UiSettings;

/**
 * The settings the user can change: the language and theme of the window, the device and
 * threads the window's runs compute with, and the workspace folder for the next start.
 */
public final class SettingsViewModel {
    /** The most threads the dialog offers; libtorch gains nothing beyond the cores anyway. */
    public static final int MAX_THREADS = 256;

    private final UiSettings settings;
    private final SavedWorkspaceFolder savedFolder;
    private final TaskExecutor executor;
    private final Messages messages;
    private final Language currentLanguage;
    private final Path currentWorkspace;
    private final ObjectProperty<Language> language;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final ObjectProperty<ComputeDevice.Choice> device = new SimpleObjectProperty<>(ComputeDevice.Choice.AUTO);
    private final IntegerProperty threads = new SimpleIntegerProperty(0);
    private final ObjectProperty<Path> nextWorkspace = new SimpleObjectProperty<>();
    private final ReadOnlyListWrapper<ComputeDevice.Choice> devices = new ReadOnlyListWrapper<>(
            FXCollections.observableArrayList(ComputeDevice.Choice.AUTO, ComputeDevice.Choice.CPU));
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private Theme loadedTheme = Theme.LIGHT;
    private DeviceSettings loadedDevice = DeviceSettings.AUTOMATIC;
    private Path loadedNextWorkspace;

    /**
     * {@code currentLanguage} is the language the window shows now; {@code currentWorkspace}
     * the folder open now; {@code savedFolder} holds the folder for the next start.
     */
    public SettingsViewModel(UiSettings settings, SavedWorkspaceFolder savedFolder, TaskExecutor executor,
            Messages messages, Language currentLanguage, Path currentWorkspace) {
        this.settings = settings;
        this.savedFolder = savedFolder;
        this.executor = executor;
        this.messages = messages;
        this.currentLanguage = currentLanguage;
        this.currentWorkspace = currentWorkspace;
        this.language = new SimpleObjectProperty<>(currentLanguage);
    }

    /**
     * Reads the stored choices, then asks {@code gpuPresent} (which may start the engine, so
     * it runs in the background too) whether to offer the GPU.
     */
    public void load(Callable<Boolean> gpuPresent, Consumer<String> onError) {
        executor.execute(() -> new Stored(settings.theme(), settings.device(), savedFolder.read().orElse(null)),
                stored -> {
                    loadedTheme = stored.theme();
                    loadedDevice = stored.device();
                    loadedNextWorkspace = stored.nextWorkspace();
                    theme.set(loadedTheme);
                    device.set(loadedDevice.choice());
                    threads.set(loadedDevice.threads());
                    nextWorkspace.set(loadedNextWorkspace);
                    if (loadedDevice.choice() == ComputeDevice.Choice.GPU) {
                        offerGpu(); // chosen before; shown even while the engine is still being asked
                    }
                    loaded.set(true);
                }, failure -> onError.accept(ErrorMessages.describe(failure, messages)));
        executor.execute(gpuPresent, present -> {
            if (present) {
                offerGpu();
            }
        }, failure -> { /* no engine: the GPU is simply not offered; the status bar says why */ });
    }

    public List<Language> languages() {
        return List.of(Language.values());
    }

    public List<Theme> themes() {
        return List.of(Theme.values());
    }

    /** Auto and CPU; the GPU too once the engine has said it sees one. */
    public ReadOnlyListProperty<ComputeDevice.Choice> devices() {
        return devices.getReadOnlyProperty();
    }

    /** How a choice is named in the list: the bundle's words, the language's own name for itself. */
    public String displayName(Language choice) {
        return choice == null ? "" : messages.get(choice.messageKey());
    }

    public String displayName(Theme choice) {
        return choice == null ? "" : messages.get(choice.messageKey());
    }

    public String displayName(ComputeDevice.Choice choice) {
        if (choice == null) {
            return "";
        }
        return switch (choice) {
            case AUTO -> messages.get("settings.device.auto");
            case CPU -> messages.get("settings.device.cpu");
            case GPU -> messages.get("settings.device.gpu");
        };
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public ObjectProperty<ComputeDevice.Choice> deviceProperty() {
        return device;
    }

    /** CPU threads for the engine; 0 leaves libtorch's default, one per core. */
    public IntegerProperty threadsProperty() {
        return threads;
    }

    /** The workspace open now. */
    public Path currentWorkspace() {
        return currentWorkspace;
    }

    /** The folder the next start opens; null for the default, {@code ~/.spin-workbench}. */
    public ObjectProperty<Path> nextWorkspaceProperty() {
        return nextWorkspace;
    }

    /** True once the stored choices are shown: OK before then would overwrite them with defaults. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /**
     * Stores what changed; {@code onSaved} runs (on the FX thread) only if something did, so
     * the window can rebuild itself in a new language, restyle itself or look at its device again.
     */
    public void apply(Consumer<SettingsChanges> onSaved, Consumer<String> onError) {
        if (!loaded.get()) {
            return;
        }
        Language chosenLanguage = language.get() == null ? currentLanguage : language.get();
        Theme chosenTheme = theme.get() == null ? loadedTheme : theme.get();
        DeviceSettings chosenDevice;
        try {
            chosenDevice = new DeviceSettings(device.get() == null ? loadedDevice.choice() : device.get(), threads.get());
        } catch (IllegalArgumentException e) {
            onError.accept(Problems.describe(e));
            return;
        }
        Path chosenFolder = nextWorkspace.get() == null ? null : nextWorkspace.get().toAbsolutePath().normalize();
        var changes = new SettingsChanges(SettingsChanges.Choice.of(chosenLanguage, currentLanguage),
                SettingsChanges.Choice.of(chosenTheme, loadedTheme), SettingsChanges.Choice.of(chosenDevice, loadedDevice),
                SettingsChanges.Choice.of(chosenFolder, loadedNextWorkspace));
        if (!changes.any()) {
            return;
        }
        executor.execute(() -> {
            save(changes);
            return changes;
        }, onSaved, failure -> onError.accept(ErrorMessages.describe(failure, messages)));
    }

    private void save(SettingsChanges changes) {
        if (changes.languageChanged()) {
            settings.saveLanguage(changes.language());
        }
        if (changes.themeChanged()) {
            settings.saveTheme(changes.theme());
        }
        if (changes.deviceChanged()) {
            settings.saveDevice(changes.device());
        }
        if (changes.nextWorkspaceChanged()) {
            if (changes.nextWorkspace() == null) {
                savedFolder.clear();
            } else {
                savedFolder.save(changes.nextWorkspace());
            }
        }
    }

    private void offerGpu() {
        if (!devices.contains(ComputeDevice.Choice.GPU)) {
            devices.add(ComputeDevice.Choice.GPU);
        }
    }

    private record Stored(Theme theme, DeviceSettings device, Path nextWorkspace) {
    }
}
