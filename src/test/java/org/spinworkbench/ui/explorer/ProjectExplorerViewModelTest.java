package org.spinworkbench.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.store.Project;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.ui.common.CurrentThreadTaskExecutor;
import org.spinworkbench.ui.common.Messages;

class ProjectExplorerViewModelTest {
    @TempDir
    Path folder;
    private Workspace workspace;
    private final List<String> status = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private ProjectExplorerViewModel explorer;

    @BeforeEach
    void open() {
        workspace = Workspace.open(folder);
        explorer = new ProjectExplorerViewModel(workspace.projects(), new CurrentThreadTaskExecutor(),
                Messages.forLocale(Locale.ENGLISH), status::add);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void loadsTheProjectsSortedByName() {
        workspace.projects().create("beta", "");
        workspace.projects().create("Alpha", "");
        assertFalse(explorer.loadedProperty().get());
        explorer.reload(null);
        assertTrue(explorer.loadedProperty().get());
        assertEquals(List.of("Alpha", "beta"), names());
        assertNull(explorer.selectedProject());
    }

    @Test
    void createsAndSelectsAProjectWithItsFolder() {
        explorer.reload(null);
        explorer.create("  Math tutor ", "grade-school arithmetic", () -> status.add("done"), errors::add);
        assertEquals(List.of("Math tutor"), names());
        assertEquals("Math tutor", explorer.selectedProject().name());
        assertTrue(Files.isDirectory(workspace.projects().folderOf(explorer.selectedProject())));
        assertEquals(List.of("Created project \"Math tutor\"", "done"), status);
        assertEquals(List.of(), errors);
    }

    @Test
    void namesAreCheckedAsTheUserTypes() {
        workspace.projects().create("Alpha", "");
        explorer.reload(null);
        assertEquals(Optional.of("A project needs a name."), explorer.nameProblem("   ", null));
        assertTrue(explorer.nameProblem("ALPHA", null).orElseThrow().contains("already exists"));
        assertEquals(Optional.empty(), explorer.nameProblem("Beta", null));
        assertTrue(explorer.nameProblem("x".repeat(101), null).isPresent());
        assertTrue(explorer.nameProblem("ＡＬＰＨＡ", null).orElseThrow().contains("already exists"), "same name as the store sees it");
        // Renaming a project to its own name, in another case, is allowed.
        assertEquals(Optional.empty(), explorer.nameProblem("alpha", explorer.projects().get(0)));
    }

    @Test
    void aDuplicateRefusedByTheStoreIsReportedNotThrown() {
        explorer.reload(null);
        workspace.projects().create("Alpha", ""); // behind the explorer's back: its list is stale
        explorer.create("Alpha", "", () -> status.add("done"), errors::add);
        assertEquals(List.of("A project named \"Alpha\" already exists. Choose another name."), errors);
        assertFalse(status.contains("done"));
        assertEquals(1, workspace.projects().list().size());
    }

    @Test
    void renamesAndKeepsTheSelection() {
        Project alpha = workspace.projects().create("Alpha", "");
        explorer.reload(alpha.id());
        explorer.rename(alpha, "Omega", () -> { }, errors::add);
        assertEquals(List.of("Omega"), names());
        assertEquals("Omega", explorer.selectedProject().name());
        assertEquals("Renamed project \"Alpha\" to \"Omega\"", status.get(status.size() - 1));
    }

    @Test
    void deletesTheProjectAndItsFolder() {
        Project alpha = workspace.projects().create("Alpha", "");
        Path alphaFolder = workspace.projects().folderOf(alpha);
        explorer.reload(alpha.id());
        explorer.delete(alpha);
        assertEquals(List.of(), names());
        assertNull(explorer.selectedProject());
        assertFalse(Files.exists(alphaFolder));
        assertEquals("Deleted project \"Alpha\"", status.get(status.size() - 1));
    }

    @Test
    void deletingAProjectThatIsAlreadyGoneSaysSo() {
        Project alpha = workspace.projects().create("Alpha", "");
        explorer.reload(alpha.id());
        workspace.projects().delete(alpha);
        explorer.delete(alpha);
        assertTrue(status.get(status.size() - 1).startsWith("Could not delete project \"Alpha\""));
        assertEquals(List.of(), names());
    }

    private List<String> names() {
        return explorer.projects().stream().map(Project::name).toList();
    }
}
