package org.spinworkbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectsTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");

    @TempDir
    Path dir;
    private Workspace workspace;
    private Projects projects;

    @BeforeEach
    void open() {
        workspace = Workspace.open(dir, Clock.fixed(NOW, ZoneOffset.UTC));
        projects = workspace.projects();
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void createStoresTheProjectAndMakesItsFolder() {
        Project project = projects.create("  Arithmetic demo ", " small model ");

        assertEquals("Arithmetic demo", project.name());
        assertEquals("small model", project.description());
        assertEquals("arithmetic-demo", project.folder());
        assertEquals(NOW, project.createdAt());
        assertTrue(Files.isDirectory(dir.resolve("projects/arithmetic-demo")));
        assertEquals(List.of(project), projects.list());
        assertEquals(project, projects.find("ARITHMETIC DEMO").orElseThrow());
    }

    @Test
    void namesAreUniqueIgnoringCaseAndAFailedCreateLeavesNoFolder() {
        projects.create("Demo", "");
        DuplicateNameException e = assertThrows(DuplicateNameException.class, () -> projects.create("demo", ""));
        assertEquals("A project named \"demo\" already exists.", e.getMessage());
        assertEquals(1, projects.list().size());
        assertFalse(Files.exists(dir.resolve("projects/demo-2")));
    }

    @Test
    void namesDifferingOnlyInCaseAreTheSameInEveryScript() {
        projects.create("Ünïcode Ärger", "");
        assertThrows(DuplicateNameException.class, () -> projects.create("ünïcode ärger", ""));
        assertThrows(DuplicateNameException.class, () -> projects.create("ÜＮÏＣＯＤＥ ÄＲＧＥＲ", "")); // full-width
        assertEquals("Ünïcode Ärger", projects.find("ÜNÏCODE ÄRGER").orElseThrow().name());
        assertEquals(1, projects.list().size());
    }

    @Test
    void invalidNamesAreRefusedWithTheReason() {
        assertEquals("A project needs a name.",
                assertThrows(IllegalArgumentException.class, () -> projects.create("   ", "")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> projects.create("a".repeat(101), ""));
        assertThrows(IllegalArgumentException.class, () -> projects.create("tab\there", ""));
        assertTrue(projects.list().isEmpty());
    }

    @Test
    void foldersStayUniqueForNamesWithoutLatinLetters() {
        Project first = projects.create("数学练习", "");
        Project second = projects.create("单词排序", "");
        Project accented = projects.create("Café Ünïcode", "");

        assertEquals("project", first.folder());
        assertEquals("project-2", second.folder());
        assertEquals("cafe-unicode", accented.folder());
        assertEquals(List.of("Café Ünïcode", "单词排序", "数学练习"),
                projects.list().stream().map(Project::name).sorted().toList());
    }

    @Test
    void renameKeepsTheFolderAndRefusesATakenName() {
        Project project = projects.create("Old name", "");
        projects.create("Taken", "");

        Project renamed = projects.rename(project, "New name");

        assertEquals("New name", renamed.name());
        assertEquals(project.folder(), renamed.folder());
        assertThrows(DuplicateNameException.class, () -> projects.rename(renamed, "taken"));
        assertEquals("New name", projects.find(project.id()).orElseThrow().name());
        assertEquals("NEW NAME", projects.rename(renamed, "NEW NAME").name()); // case-only rename is allowed
    }

    @Test
    void describeUpdatesTheDescription() {
        Project project = projects.create("P", "");
        assertEquals("what it is for", projects.describe(project, "what it is for\n").description());
        assertEquals("what it is for", projects.find(project.id()).orElseThrow().description());
    }

    @Test
    void deleteRemovesTheRecordAndTheFolderWithItsFiles() throws Exception {
        Project project = projects.create("Doomed", "");
        Path folder = projects.folderOf(project);
        Files.createDirectories(folder.resolve("checkpoints/iteration-1"));
        Files.writeString(folder.resolve("checkpoints/iteration-1/model.safetensors"), "weights");
        Project kept = projects.create("Kept", "");

        projects.delete(project);

        assertEquals(List.of(kept), projects.list());
        assertFalse(Files.exists(folder));
        assertTrue(Files.isDirectory(projects.folderOf(kept)));
        StoreException again = assertThrows(StoreException.class, () -> projects.delete(project));
        assertTrue(again.getMessage().contains("no longer exists"), again.getMessage());
    }
}
