package org.spinworkbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedWorkspaceFolderTest {
    @TempDir
    Path home;

    @Test
    void livesInTheXdgConfigFolderElseInDotConfig() {
        assertEquals(Path.of("/cfg/spin-workbench/workspace.properties"),
                SavedWorkspaceFolder.forUser(Map.of("XDG_CONFIG_HOME", "/cfg"), home).file());
        assertEquals(home.resolve(".config/spin-workbench/workspace.properties"),
                SavedWorkspaceFolder.forUser(Map.of(), home).file());
        assertEquals(home.resolve(".config/spin-workbench/workspace.properties"),
                SavedWorkspaceFolder.forUser(Map.of("XDG_CONFIG_HOME", "relative/cfg"), home).file(),
                "a relative XDG_CONFIG_HOME is ignored, as the XDG spec says");
    }

    @Test
    void aSavedFolderIsReadBackUntilCleared() {
        var saved = SavedWorkspaceFolder.forUser(Map.of(), home);
        assertEquals(Optional.empty(), saved.read());
        saved.save(home.resolve("work/../ws"));
        assertEquals(Optional.of(home.resolve("ws")), saved.read());
        saved.clear();
        assertFalse(Files.exists(saved.file()));
        assertEquals(Optional.empty(), saved.read());
    }

    @Test
    void aFileThatNamesNoAbsoluteFolderIsIgnored() throws IOException {
        var saved = SavedWorkspaceFolder.forUser(Map.of(), home);
        Files.createDirectories(saved.file().getParent());
        Files.writeString(saved.file(), "workspace=not/absolute\n");
        assertEquals(Optional.empty(), saved.read());
        Files.writeString(saved.file(), "something=else\n");
        assertEquals(Optional.empty(), saved.read());
        Files.writeString(saved.file(), "workspace=\\u12\n"); // a malformed escape
        assertEquals(Optional.empty(), saved.read());
    }
}
