package org.spinworkbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetRepositoryTest {
    @TempDir
    Path dir;
    Workspace workspace;
    DatasetRepository datasets;
    Project project;

    @BeforeEach
    void open() {
        workspace = Workspace.open(dir, StoreFixtures.fixedClock());
        datasets = workspace.datasets();
        project = workspace.projects().create("Tiny", "");
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void registeredDatasetRoundTrips() {
        RegisteredDataset registered = datasets.register(project.id(), "ultrachat", Path.of("/data/u.jsonl"),
                "messages", "e".repeat(64), 200);

        RegisteredDataset found = datasets.findById(registered.id()).orElseThrow();

        assertEquals(registered, found);
        assertEquals(200, found.rowCount());
        assertEquals(StoreFixtures.NOW, found.registeredAt());
    }

    @Test
    void listByProjectKeepsProjectsApart() {
        Project other = workspace.projects().create("Other", "");
        RegisteredDataset train = datasets.register(project.id(), "train", Path.of("t"), "spin", "1", 10);
        datasets.register(other.id(), "foreign", Path.of("f"), "spin", "2", 10);
        RegisteredDataset eval = datasets.register(project.id(), "eval", Path.of("e"), "spin", "3", 5);

        assertEquals(List.of(train, eval), datasets.listByProject(project.id()));
    }

    @Test
    void findByHashFindsTheSameBytesOnlyWithinTheProject() {
        Project other = workspace.projects().create("Other", "");
        RegisteredDataset first = datasets.register(project.id(), "first", Path.of("a.jsonl"), "spin", "f00d", 3);
        datasets.register(project.id(), "renamed copy", Path.of("b.jsonl"), "spin", "f00d", 3);
        datasets.register(other.id(), "other's", Path.of("c.jsonl"), "spin", "beef", 3);

        assertEquals(first, datasets.findByHash(project.id(), "f00d").orElseThrow());
        assertTrue(datasets.findByHash(project.id(), "beef").isEmpty());
        assertTrue(datasets.findByHash(other.id(), "f00d").isEmpty());
    }

    @Test
    void negativeRowCountIsRefusedBySchema() {
        assertThrows(StoreException.class,
                () -> datasets.register(project.id(), "bad", Path.of("x"), "spin", "1", -1));
        assertTrue(datasets.listByProject(project.id()).isEmpty());
    }
}
