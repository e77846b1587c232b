package org.spinworkbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceLocationTest {
    private final Path home = Path.of("/home/ada");

    @TempDir
    Path realHome;

    @Test
    void theOptionWinsOverTheEnvironment() {
        assertEquals(Path.of("/data/ws"), WorkspaceLocation.resolve(Path.of("/data/ws"),
                Map.of("SPINWB_HOME", "/env/ws"), home));
    }

    @Test
    void theEnvironmentWinsOverTheDefault() {
        assertEquals(Path.of("/env/ws"), WorkspaceLocation.resolve(null, Map.of("SPINWB_HOME", "/env/ws"), home));
    }

    @Test
    void theDefaultIsAHiddenFolderInTheHomeFolder() {
        assertEquals(Path.of("/home/ada/.spin-workbench"), WorkspaceLocation.resolve(null, Map.of(), home));
        assertEquals(Path.of("/home/ada/.spin-workbench"),
                WorkspaceLocation.resolve(null, Map.of("SPINWB_HOME", "  "), home));
    }

    @Test
    void theFolderSavedInTheSettingsComesAfterTheOptionAndTheEnvironment() {
        SavedWorkspaceFolder.forUser(Map.of(), realHome).save(Path.of("/saved/ws"));
        assertEquals(Path.of("/saved/ws"), WorkspaceLocation.resolve(null, Map.of(), realHome));
        assertEquals(Path.of("/env/ws"), WorkspaceLocation.resolve(null, Map.of("SPINWB_HOME", "/env/ws"), realHome));
        assertEquals(Path.of("/data/ws"), WorkspaceLocation.resolve(Path.of("/data/ws"), Map.of(), realHome));

        SavedWorkspaceFolder.forUser(Map.of(), realHome).clear();
        assertEquals(realHome.resolve(".spin-workbench"), WorkspaceLocation.resolve(null, Map.of(), realHome));
    }

    @Test
    void theSavedFolderIsLookedForUnderXdgConfigHome() {
        Path config = realHome.resolve("cfg");
        SavedWorkspaceFolder.forUser(Map.of("XDG_CONFIG_HOME", config.toString()), realHome).save(Path.of("/xdg/ws"));
        assertEquals(Path.of("/xdg/ws"),
                WorkspaceLocation.resolve(null, Map.of("XDG_CONFIG_HOME", config.toString()), realHome));
        assertEquals(realHome.resolve(".spin-workbench"), WorkspaceLocation.resolve(null, Map.of(), realHome),
                "without XDG_CONFIG_HOME the file under ~/.config is read, and there is none");
    }
}
