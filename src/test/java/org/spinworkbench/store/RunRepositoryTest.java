package org.spinworkbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRepositoryTest {
    @TempDir
    Path dir;
    SteppingClock clock = new SteppingClock(StoreFixtures.NOW);
    Workspace workspace;
    RunRepository runs;
    Project project;

    @BeforeEach
    void open() {
        workspace = Workspace.open(dir, clock);
        runs = workspace.runs();
        project = workspace.projects().create("Tiny", "");
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void createdRunKeepsItsWholePlan() {
        RegisteredModel model = StoreFixtures.model(workspace, project);
        RegisteredDataset train = StoreFixtures.dataset(workspace, project);
        RegisteredDataset eval = StoreFixtures.dataset(workspace, project);

        Run created = runs.create(RunPlan.of(project.id(), RunKind.SFT,
                new RunPlan.Inputs(model.id(), train.id(), eval.id()), StoreFixtures.CONFIG_JSON, Long.MAX_VALUE));
        Run found = runs.findById(created.id()).orElseThrow();

        assertEquals(created, found);
        assertEquals(RunKind.SFT, found.kind());
        assertEquals(RunStatus.CREATED, found.status());
        assertEquals(eval.id(), found.evalDatasetId());
        assertEquals(StoreFixtures.CONFIG_JSON, found.configJson());
        assertEquals(Long.MAX_VALUE, found.seed());
        assertEquals(StoreFixtures.NOW, found.createdAt());
        assertNull(found.startedAt());
        assertNull(found.finishedAt());
    }

    @Test
    void enumsAreStoredLowerCaseAsTheSchemaRequires() {
        Run run = StoreFixtures.spinRun(workspace, project);

        String stored = workspace.database().read(c -> Jdbc.first(c, "SELECT kind || '/' || status FROM runs"
                + " WHERE id = ?", row -> row.getString(1), run.id()).orElseThrow());

        assertEquals("spin/created", stored);
    }

    @Test
    void runLifeFromCreatedThroughFailureAndResumeToCompleted() {
        Run run = StoreFixtures.spinRun(workspace, project);
        clock.advance(Duration.ofMinutes(1));
        Run started = runs.markRunning(run.id());
        clock.advance(Duration.ofMinutes(10));
        Run failed = runs.finish(run.id(), RunStatus.FAILED, "Loss became NaN at step 120.");
        clock.advance(Duration.ofMinutes(5));
        Run resumed = runs.markRunning(run.id());
        clock.advance(Duration.ofMinutes(20));
        Run completed = runs.finish(run.id(), RunStatus.COMPLETED, null);

        assertEquals(RunStatus.RUNNING, started.status());
        assertEquals(StoreFixtures.NOW.plus(Duration.ofMinutes(1)), started.startedAt());
        assertEquals(RunStatus.FAILED, failed.status());
        assertEquals("Loss became NaN at step 120.", failed.message());
        assertEquals(StoreFixtures.NOW.plus(Duration.ofMinutes(11)), failed.finishedAt());
        assertEquals(RunStatus.RUNNING, resumed.status());
        assertEquals(started.startedAt(), resumed.startedAt(), "a resume keeps the first start");
        assertNull(resumed.finishedAt());
        assertNull(resumed.message());
        assertEquals(StoreFixtures.NOW.plus(Duration.ofMinutes(36)), completed.finishedAt());
        assertEquals(completed, runs.findById(run.id()).orElseThrow());
    }

    @Test
    void finishingAsANonFinalStatusIsRefused() {
        Run run = StoreFixtures.spinRun(workspace, project);

        assertThrows(IllegalArgumentException.class, () -> runs.finish(run.id(), RunStatus.RUNNING, null));
        assertEquals(RunStatus.CREATED, runs.findById(run.id()).orElseThrow().status());
    }

    @Test
    void unknownRunCannotBeStartedOrFinished() {
        assertThrows(StoreException.class, () -> runs.markRunning(999));
        assertThrows(StoreException.class, () -> runs.finish(999, RunStatus.CANCELLED, "stopped"));
    }

    @Test
    void aRunCannotUseAnotherProjectsModelOrDataset() {
        Project other = workspace.projects().create("Other", "");
        RegisteredModel foreignModel = StoreFixtures.model(workspace, other);
        RegisteredDataset foreignData = StoreFixtures.dataset(workspace, other);
        RegisteredModel model = StoreFixtures.model(workspace, project);
        RegisteredDataset data = StoreFixtures.dataset(workspace, project);

        assertThrows(StoreException.class, () -> runs.create(RunPlan.of(project.id(), RunKind.SPIN,
                new RunPlan.Inputs(foreignModel.id(), data.id(), null), "{}", 1)));
        assertThrows(StoreException.class, () -> runs.create(RunPlan.of(project.id(), RunKind.SPIN,
                new RunPlan.Inputs(model.id(), foreignData.id(), null), "{}", 1)));
        assertThrows(StoreException.class, () -> runs.create(RunPlan.of(project.id(), RunKind.SPIN,
                new RunPlan.Inputs(model.id(), data.id(), foreignData.id()), "{}", 1)));
        assertEquals(0, StoreFixtures.count(workspace, "runs"));
    }

    @Test
    void listByProjectIsNewestFirstAndListAllNamesEachRunsProject() {
        Project other = workspace.projects().create("Another", "");
        Run first = StoreFixtures.spinRun(workspace, project);
        clock.advance(Duration.ofSeconds(1));
        Run foreign = StoreFixtures.spinRun(workspace, other);
        clock.advance(Duration.ofSeconds(1));
        Run second = workspace.runs().create(RunPlan.of(project.id(), RunKind.SFT, StoreFixtures.NO_INPUTS, "{}", 7));

        assertEquals(List.of(second, first), runs.listByProject(project.id()));
        assertEquals(List.of(new RunListing("Another", foreign), new RunListing("Tiny", second),
                new RunListing("Tiny", first)), runs.listAll());
    }

    @Test
    void noRunsListsNothing() {
        assertTrue(runs.listAll().isEmpty());
        assertTrue(runs.findById(1).isEmpty());
    }
}
