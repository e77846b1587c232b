package org.spinworkbench.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.store.Iteration;
import org.spinworkbench.store.Run;
import org.spinworkbench.store.Split;
import org.spinworkbench.store.Workspace;

/** The copied tiny run is the run that training writes in the workspace it is copied into. */
class RecordedRunsTest {
    @TempDir
    Path dir;

    @Test
    void aCopiedRunHasTheRowsFilesAndPathsThatTrainingThereWrites() throws Exception {
        try (Workspace trained = Workspace.open(dir.resolve("trained"));
             Workspace copied = Workspace.open(dir.resolve("copied"))) {
            RunOutcome byTraining = TinyRuns.trainedRun(trained, dir.resolve("trained-files"), 2);
            RunOutcome byCopy = TinyRuns.completedRun(copied, dir.resolve("copied-files"), 2);

            assertEquals(byTraining.runId(), byCopy.runId());
            assertEquals(byTraining.iterations().size(), byCopy.iterations().size());
            History.assertSame(History.of(trained, byTraining.runId()), History.of(copied, byCopy.runId()));
            Run trainedRun = trained.runs().findById(byTraining.runId()).orElseThrow();
            Run copiedRun = copied.runs().findById(byCopy.runId()).orElseThrow();
            assertEquals(trainedRun.status(), copiedRun.status());
            assertEquals(trainedRun.configJson().replace(dir.resolve("trained-files").toString(),
                    dir.resolve("copied-files").toString()), copiedRun.configJson(), "paths point at the copy's files");
            RunSpec spec = RunSpec.fromJson(copiedRun.configJson());
            assertTrue(Files.isDirectory(Path.of(spec.baseModel())), spec.baseModel());
            assertTrue(Files.isRegularFile(Path.of(spec.dataset())), spec.dataset());

            for (int i = 0; i < byCopy.iterations().size(); i++) {
                Path checkpoint = byCopy.iterations().get(i).checkpoint();
                assertTrue(checkpoint.startsWith(copied.folder().toAbsolutePath()), checkpoint.toString());
                assertArrayEquals(Files.readAllBytes(byTraining.iterations().get(i).checkpoint()
                        .resolve("model.safetensors")), Files.readAllBytes(checkpoint.resolve("model.safetensors")));
                assertEquals(byTraining.iterations().get(i).metrics(), byCopy.iterations().get(i).metrics());
            }
            List<Iteration> iterations = copied.iterations().listByRun(byCopy.runId());
            List<Iteration> expected = trained.iterations().listByRun(byTraining.runId());
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(samples(trained, expected.get(i)), samples(copied, iterations.get(i)));
            }
            assertEquals(trained.evaluations().listByRun(byTraining.runId()).size(),
                    copied.evaluations().listByRun(byCopy.runId()).size());
            assertEquals(new RunService(trained, ai.djl.Device.cpu()).log(byTraining.runId()).size(),
                    new RunService(copied, ai.djl.Device.cpu()).log(byCopy.runId()).size());
        }
    }

    private static List<String> samples(Workspace workspace, Iteration iteration) {
        return workspace.samples().list(iteration.id(), Split.TRAIN).stream()
                .map(s -> s.exampleIndex() + " " + s.prompt() + " -> " + s.syntheticResponse() + " " + s.scores())
                .toList();
    }
}
