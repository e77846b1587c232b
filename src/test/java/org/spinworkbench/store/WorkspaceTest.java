package org.spinworkbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
    @TempDir
    Path dir;

    @Test
    void openingCreatesTheFolderLayout() {
        Path folder = dir.resolve("new/workspace");
        try (Workspace workspace = Workspace.open(folder)) {
            assertEquals(folder, workspace.folder());
            assertTrue(Files.isRegularFile(folder.resolve(Workspace.DATABASE_FILE)));
            assertTrue(Files.isDirectory(folder.resolve(Workspace.PROJECTS_FOLDER)));
        }
    }

    @Test
    void aSecondOpenOfTheSameWorkspaceIsRefusedWithAClearMessage() {
        try (Workspace first = Workspace.open(dir)) {
            WorkspaceException e = assertThrows(WorkspaceException.class, () -> Workspace.open(dir));
            assertEquals(WorkspaceException.Reason.IN_USE, e.reason());
            assertTrue(e.getMessage().contains("already open in another SPIN Workbench process"), e.getMessage());
            assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
            first.projects().create("still usable", "");
        }
        try (Workspace reopened = Workspace.open(dir)) {
            assertEquals(1, reopened.projects().list().size());
        }
    }

    @Test
    void aRefusedDatabaseReleasesTheLock() throws Exception {
        Files.writeString(dir.resolve(Workspace.DATABASE_FILE), "not a database");
        assertThrows(WorkspaceException.class, () -> Workspace.open(dir));
        Files.delete(dir.resolve(Workspace.DATABASE_FILE));
        try (Workspace workspace = Workspace.open(dir)) {
            assertTrue(workspace.projects().list().isEmpty());
        }
    }

    @Test
    void settingsPersistAcrossReopening() {
        try (Workspace workspace = Workspace.open(dir)) {
            workspace.settings().put("ui.language", "zh-CN");
            workspace.settings().put("ui.language", "en");
            workspace.settings().put("ui.window.width", "1280");
            workspace.settings().remove("ui.window.width");
        }
        try (Workspace workspace = Workspace.open(dir)) {
            assertEquals("en", workspace.settings().get("ui.language").orElseThrow());
            assertTrue(workspace.settings().get("ui.window.width").isEmpty());
        }
    }
}
