package org.spinworkbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRepositoryTest {
    @TempDir
    Path dir;
    Workspace workspace;
    ModelRepository models;

    @BeforeEach
    void open() {
        workspace = Workspace.open(dir, StoreFixtures.fixedClock());
        models = workspace.models();
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void registeredModelRoundTripsThroughAReopenedWorkspace() {
        Project project = workspace.projects().create("Tiny", "");
        RegisteredModel registered = models.register(project.id(), "qwen2-0.5b", Path.of("/models/qwen2"),
                "Qwen2ForCausalLM", 494_032_768L, "{\"num_key_value_heads\":2}", "c".repeat(64));
        workspace.close();

        workspace = Workspace.open(dir, StoreFixtures.fixedClock());
        RegisteredModel found = workspace.models().findById(registered.id()).orElseThrow();

        assertEquals(registered, found);
        assertEquals(StoreFixtures.NOW, found.registeredAt());
        assertEquals(Path.of("/models/qwen2"), found.path());
    }

    @Test
    void parameterCountMayBeUnknown() {
        Project project = workspace.projects().create("Tiny", "");
        RegisteredModel registered = models.register(project.id(), "m", Path.of("m"), "LlamaForCausalLM", null,
                "{}", "d".repeat(64));

        assertNull(models.findById(registered.id()).orElseThrow().parameterCount());
    }

    @Test
    void listByProjectShowsOnlyThatProjectsModelsInRegistrationOrder() {
        Project tiny = workspace.projects().create("Tiny", "");
        Project other = workspace.projects().create("Other", "");
        RegisteredModel base = models.register(tiny.id(), "base", Path.of("base"), "LlamaForCausalLM", 1L, "{}", "1");
        models.register(other.id(), "foreign", Path.of("f"), "LlamaForCausalLM", 1L, "{}", "2");
        RegisteredModel tuned = models.register(tiny.id(), "tuned", Path.of("t"), "LlamaForCausalLM", 1L, "{}", "3");

        assertEquals(List.of(base, tuned), models.listByProject(tiny.id()));
    }

    @Test
    void unknownIdFindsNothing() {
        assertTrue(models.findById(12345).isEmpty());
    }
}
