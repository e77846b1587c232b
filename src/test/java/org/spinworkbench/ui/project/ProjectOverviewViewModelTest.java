package org.spinworkbench.ui.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.store.Project;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.ui.common.CurrentThreadTaskExecutor;
import org.spinworkbench.ui.common.Messages;

class ProjectOverviewViewModelTest {
    @TempDir
    Path folder;
    private final List<String> status = new ArrayList<>();
    private final List<Project> saved = new ArrayList<>();

    @Test
    void showsTheProjectAndSavesAnEditedDescription() {
        Clock clock = Clock.fixed(Instant.parse("2025-03-04T05:06:07Z"), ZoneOffset.UTC);
        try (Workspace workspace = Workspace.open(folder, clock)) {
            Project alpha = workspace.projects().create("Alpha", "old");
            var overview = new ProjectOverviewViewModel(workspace.projects(), new CurrentThreadTaskExecutor(),
                    Messages.forLocale(Locale.ENGLISH), status::add, saved::add, ZoneOffset.UTC);
            overview.show(alpha);
            assertEquals("Alpha", overview.nameProperty().get());
            assertEquals(workspace.projects().folderOf(alpha).toString(), overview.folderProperty().get());
            assertEquals("Mar 4, 2025, 5:06:07\u202FAM".replace("\u202F", " "),
                    overview.createdProperty().get().replace('\u202F', ' '));
            assertEquals("old", overview.descriptionProperty().get());
            assertFalse(overview.descriptionChangedProperty().get());

            overview.descriptionProperty().set("new words ");
            assertTrue(overview.descriptionChangedProperty().get());
            overview.saveDescription();
            assertFalse(overview.descriptionChangedProperty().get());
            assertEquals("new words", workspace.projects().find("Alpha").orElseThrow().description());
            assertEquals(List.of("Saved the description of \"Alpha\""), status);
            assertEquals("new words", saved.get(0).description());
        }
    }

    @Test
    void anUnsavedEditSurvivesTheSameProjectShownAgainAndRevertRestoresIt() {
        try (Workspace workspace = Workspace.open(folder)) {
            Project alpha = workspace.projects().create("Alpha", "old");
            var overview = new ProjectOverviewViewModel(workspace.projects(), new CurrentThreadTaskExecutor(),
                    Messages.forLocale(Locale.ENGLISH), status::add, saved::add, ZoneOffset.UTC);
            overview.show(alpha);
            overview.descriptionProperty().set("draft");
            Project renamed = workspace.projects().rename(alpha, "Omega");
            overview.show(renamed);
            assertEquals("Omega", overview.nameProperty().get());
            assertEquals("draft", overview.descriptionProperty().get());
            overview.revertDescription();
            assertEquals("old", overview.descriptionProperty().get());
            overview.show(null);
            assertEquals("", overview.nameProperty().get());
        }
    }
}
