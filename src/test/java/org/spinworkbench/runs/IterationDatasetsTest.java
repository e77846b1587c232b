package org.spinworkbench.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.data.DatasetFormat;
import org.spinworkbench.data.DatasetReader;
import org.spinworkbench.data.Example;
import org.spinworkbench.data.LoadedDataset;
import org.spinworkbench.data.ProblemPolicy;
import org.spinworkbench.lm.ChatMessage;
import org.spinworkbench.store.Sample;
import org.spinworkbench.store.Split;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.Cancellation;
import org.spinworkbench.train.TrainingListener;

/** An iteration's recorded pairs written in the SPIN layout, on real tiny runs. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class IterationDatasetsTest {
    @TempDir
    Path dir;

    @Test
    void theExportedFileReadsBackAsTheIterationsRecordedPairs() throws IOException {
        try (Workspace workspace = Workspace.open(dir.resolve("ws"))) {
            long runId = TinyRuns.completedRun(workspace, dir, 2).runId();
            Path file = dir.resolve("export/iteration-2.jsonl");

            int written = new IterationDatasets(workspace).export(runId, 2, Split.TRAIN, file);

            long iterationId = workspace.iterations().find(runId, 2).orElseThrow().id();
            List<Sample> samples = workspace.samples().list(iterationId, Split.TRAIN);
            LoadedDataset read = DatasetReader.read(file, null, ProblemPolicy.STOP);
            assertEquals(DatasetFormat.SPIN, read.format());
            assertEquals(samples.size(), written);
            assertEquals(samples.size(), read.examples().size());
            for (int i = 0; i < samples.size(); i++) {
                Sample sample = samples.get(i);
                Example example = read.examples().get(i);
                assertEquals(List.of(ChatMessage.user(sample.prompt())), example.prompt());
                assertEquals(sample.realResponse(), example.realResponse());
                assertEquals(sample.syntheticResponse(), example.generatedResponse());
            }

            IterationDatasets datasets = new IterationDatasets(workspace);
            assertEquals(workspace.samples().count(workspace.iterations().find(runId, 1).orElseThrow().id(),
                    Split.EVAL), datasets.pairs(runId, 1, Split.EVAL).size());
            IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                    () -> datasets.export(runId, 3, Split.TRAIN, dir.resolve("none.jsonl")));
            assertEquals("Run " + runId + " has no iteration 3.", missing.getMessage());
            assertFalse(Files.exists(dir.resolve("none.jsonl")));
        }
    }

    @Test
    void systemMessagesComeBackFromAnUnchangedDatasetAndAsTextOnceItChanged() throws IOException {
        Path data = dir.resolve("chat.jsonl");
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            rows.add("{\"messages\": [{\"role\": \"system\", \"content\": \"Add.\"}, {\"role\": \"user\", \"content\": \""
                    + i + "+1=\"}, {\"role\": \"assistant\", \"content\": \"" + (i + 1) + "\"}]}");
        }
        Files.write(data, rows);
        try (Workspace workspace = Workspace.open(dir.resolve("ws"))) {
            long runId = new RunService(workspace, Device.cpu()).start(TinyRuns.spec(TinyRuns.model(dir), data,
                    TinyRuns.config(1, 0)), TrainingListener.NONE, new Cancellation()).runId();
            IterationDatasets datasets = new IterationDatasets(workspace);

            List<Example> pairs = datasets.pairs(runId, 1, Split.TRAIN);
            assertFalse(pairs.isEmpty());
            for (Example pair : pairs) {
                assertEquals(2, pair.prompt().size(), pair.toString());
                assertEquals(ChatMessage.system("Add."), pair.prompt().get(0));
                String sum = pair.prompt().get(1).content();
                assertEquals(Integer.parseInt(sum.substring(0, sum.indexOf('+'))) + 1,
                        Integer.parseInt(pair.realResponse()), "the prompt belongs to its own answer");
            }

            Files.write(data, List.of(rows.get(0)));
            List<Example> flattened = datasets.pairs(runId, 1, Split.TRAIN);
            assertEquals(pairs.size(), flattened.size());
            assertEquals(List.of(ChatMessage.user("system: Add.\nuser: " + pairs.get(0).prompt().get(1).content())),
                    flattened.get(0).prompt());
        }
    }
}
