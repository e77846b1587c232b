package org.spinworkbench.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the workspace lives: {@code --workspace DIR}, else the {@code SPINWB_HOME}
 * environment variable, else the folder saved in the settings ({@link SavedWorkspaceFolder}),
 * else {@code ~/.spin-workbench}.
 */
public final class WorkspaceLocation {
    public static final String ENVIRONMENT_VARIABLE = "SPINWB_HOME";
    public static final String DEFAULT_FOLDER = ".spin-workbench";

    private WorkspaceLocation() {
    }

    public static Path resolve(Path option, Map<String, String> environment, Path userHome) {
        if (option != null) {
            return option.toAbsolutePath().normalize();
        }
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment).toAbsolutePath().normalize();
        }
        return SavedWorkspaceFolder.forUser(environment, userHome).read()
                .orElseGet(() -> defaultFolder(userHome));
    }

    /** Resolves against this process's environment and home folder. */
    public static Path resolve(Path option) {
        return resolve(option, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The folder used when nothing says otherwise. */
    public static Path defaultFolder(Path userHome) {
        return userHome.resolve(DEFAULT_FOLDER).toAbsolutePath().normalize();
    }
}
