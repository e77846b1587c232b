package org.spinworkbench.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The workspace folder chosen in the settings for the next start. It cannot be kept in a
 * workspace, since it says which workspace to open, so it lives in a small properties file in
 * the user's configuration folder: {@code $XDG_CONFIG_HOME/spin-workbench/workspace.properties},
 * else {@code ~/.config/spin-workbench/workspace.properties}.
 */
public final class SavedWorkspaceFolder {
    public static final String CONFIG_HOME_VARIABLE = "XDG_CONFIG_HOME";
    public static final String APP_FOLDER = "spin-workbench";
    public static final String FILE_NAME = "workspace.properties";
    static final String KEY = "workspace";

    private final Path file;

    public SavedWorkspaceFolder(Path file) {
        this.file = file;
    }

    /** The file for a user with this environment and home folder. */
    public static SavedWorkspaceFolder forUser(Map<String, String> environment, Path userHome) {
        String configHome = environment.get(CONFIG_HOME_VARIABLE);
        // The XDG spec ignores a relative value, and so do we.
        Path base = configHome != null && !configHome.isBlank() && Path.of(configHome).isAbsolute()
                ? Path.of(configHome) : userHome.resolve(".config");
        return new SavedWorkspaceFolder(base.resolve(APP_FOLDER).resolve(FILE_NAME));
    }

    /** The file for this process's user. */
    public static SavedWorkspaceFolder forThisUser() {
        return forUser(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public Path file() {
        return file;
    }

    /**
     * The saved folder; empty when none was saved, or when the file cannot be read or names no
     * absolute folder — the workbench then starts on the default rather than not at all.
     */
    public Optional<Path> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String value = properties.getProperty(KEY, "").strip();
        if (value.isEmpty() || !Path.of(value).isAbsolute()) {
            return Optional.empty();
        }
        return Optional.of(Path.of(value).normalize());
    }

    /** Saves {@code folder} (made absolute) for the next start. */
    public void save(Path folder) {
        Properties properties = new Properties();
        properties.setProperty(KEY, folder.toAbsolutePath().normalize().toString());
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(out, "SPIN Workbench: the workspace opened when neither --workspace nor SPINWB_HOME is given");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the workspace folder in " + file + ": " + e.getMessage(), e);
        }
    }

    /** Forgets the saved folder: the next start uses the default again. */
    public void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove " + file + ": " + e.getMessage(), e);
        }
    }
}
