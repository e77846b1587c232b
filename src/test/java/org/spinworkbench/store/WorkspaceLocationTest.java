package org.spinworkbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkspaceLocationTest {
    private final Path home = Path.of("/home/ada");

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
}
