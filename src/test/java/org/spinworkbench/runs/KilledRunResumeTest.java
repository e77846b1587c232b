package org.spinworkbench.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.Device;
import ai.djl.pytorch.jni.JniUtils;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.store.Database;
import org.spinworkbench.store.Iteration;
import org.spinworkbench.store.IterationRepository;
import org.spinworkbench.store.IterationStatus;
import org.spinworkbench.store.MetricPoint;
import org.spinworkbench.store.MetricRepository;
import org.spinworkbench.store.Run;
import org.spinworkbench.store.RunRepository;
import org.spinworkbench.store.RunStatus;
import org.spinworkbench.store.Sample;
import org.spinworkbench.store.Split;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.Cancellation;
import org.spinworkbench.train.TrainingListener;

/**
 * The proof: a run killed at any point (kill -9 included) continues with
 * {@code spin --resume RUN} from its last checkpoint, losing at most the steps since it, and
 * ends with the same iterations and metrics history as an uninterrupted run.
 *
 * <p>The run is a real {@code spin} in a child JVM, killed with {@link Process#destroyForcibly()}
 * (SIGKILL on Linux: no shutdown hook, no cancellation, no cleanup) as soon as iteration 2 has
 * a resumable checkpoint. Where the kill lands is made deterministic by the sizes: 20 training
 * examples, batch 2 and 4 epochs make 40 optimiser steps per iteration, more than a second
 * of training on a CPU, while the test polls the run folder every 5 ms, so the kill always
 * lands long before iteration 2 ends. Every process uses one PyTorch thread: on shared cores
 * two threads are several times slower, not faster. The test checks that it did (iteration 2 has no model
 * yet) rather than trusting it, so a kill that came too late fails loudly instead of
 * proving nothing.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class KilledRunResumeTest {
    private static final int ITERATIONS = 3;
    private static final int SAVE_STEPS = 2;
    private static final int STEPS_PER_ITERATION = 40; // (24 - 4 held out) / batch 2 x 4 epochs
    private static final long CHILD_LIMIT_SECONDS = 120;
    private static final long POLL_MILLIS = 5;

    @TempDir
    Path dir;

    @Test
    void aRunKilledMidIterationResumesFromItsLastCheckpointToTheUninterruptedHistory() throws Exception {
        Path model = TinyRuns.model(dir);
        Path data = TinyRuns.data(dir, 24);
        Path workspace = dir.resolve("ws-killed");

        // 1. A real spin, killed with SIGKILL once iteration 2 has a mid-iteration checkpoint.
        ChildJvm killed = ChildJvm.start(dir.resolve("killed"), "spin", "--model", model.toString(), "--data",
                data.toString(), "--project", "Tiny", "--iterations", String.valueOf(ITERATIONS), "--epochs", "4",
                "--batch-size", "2", "--eval-size", "4", "--save-steps", String.valueOf(SAVE_STEPS), "--lr", "1e-3",
                "--max-length", "64", "--max-prompt-length", "32", "--max-new-tokens", "8", "--seed", "11",
                "--device", "cpu", "--threads", "1", "--workspace", workspace.toString(), "--json");
        Path iteration2;
        long stepSeen;
        try {
            Path runFolder = await(killed, () -> runFolder(workspace), "the run folder");
            iteration2 = runFolder.resolve("iteration-2");
            stepSeen = await(killed, () -> latestState(iteration2), "a checkpoint inside iteration 2");
            killed.process().destroyForcibly();
            assertTrue(killed.process().waitFor(30, TimeUnit.SECONDS), "the killed process did not die");
        } finally {
            killed.stop();
        }
        assertEquals(137, killed.process().exitValue(), "killed by SIGKILL (128 + 9)\n" + killed.err());
        assertFalse(Files.exists(iteration2.resolve("model")),
                "the kill must land inside iteration 2, not after it; see the class comment");
        assertTrue(Files.isDirectory(iteration2.resolveSibling("iteration-1").resolve("model")));
        long checkpoint = latestState(iteration2).orElseThrow();
        assertTrue(checkpoint >= stepSeen && checkpoint < STEPS_PER_ITERATION, "checkpoint at step " + checkpoint);
        assertEquals("pid " + killed.process().pid(),
                Files.readString(workspace.resolve("workbench.lock"), StandardCharsets.UTF_8).strip(),
                "the dead process's lock file is left behind, as after a real crash");

        // 2. The database survives the kill, still saying the run is running.
        RunSpec spec;
        try (Database database = Database.open(workspace.resolve(Workspace.DATABASE_FILE))) {
            Run run = new RunRepository(database, Clock.systemUTC()).findById(1).orElseThrow();
            assertEquals(RunStatus.RUNNING, run.status());
            List<Iteration> iterations = new IterationRepository(database, Clock.systemUTC()).listByRun(1);
            assertEquals(List.of(IterationStatus.COMPLETED, IterationStatus.TRAINING),
                    iterations.stream().map(Iteration::status).toList());
            long lastRecorded = new MetricRepository(database).series(1, "loss").stream()
                    .filter(p -> p.iteration() == 2).mapToLong(MetricPoint::step).max().orElseThrow();
            assertTrue(lastRecorded >= checkpoint && lastRecorded - checkpoint <= SAVE_STEPS,
                    "steps lost to the kill: those after the checkpoint at " + checkpoint + ", up to " + lastRecorded);
            spec = RunSpec.fromJson(run.configJson());
        }

        // A kill can also land while a checkpoint is being written (it does, with save steps this
        // frequent): its half-written folder is left beside the published ones. Plant one, so this
        // run sees that case every time.
        Path halfWritten = Files.createDirectory(iteration2.resolve(".state-" + (checkpoint + SAVE_STEPS) + "."
                + UUID.randomUUID() + ".partial"));
        Files.writeString(halfWritten.resolve("weights.safetensors"), "cut off");

        // 3. spin --resume in a second process: the dead process's lock does not stand in the way.
        ChildJvm resumed = ChildJvm.start(dir.resolve("resumed"), "spin", "--resume", "1", "--workspace",
                workspace.toString(), "--device", "cpu", "--threads", "1", "--json");
        try {
            assertTrue(resumed.process().waitFor(CHILD_LIMIT_SECONDS, TimeUnit.SECONDS), "the resume did not finish");
        } finally {
            resumed.stop();
        }
        assertEquals(0, resumed.process().exitValue(), resumed.err());
        String log = resumed.err();
        assertFalse(log.contains("already open"), log);
        assertFalse(log.contains("Warning:"), "restoring the state prints no PyTorch deprecation warning\n" + log);
        assertFalse(log.contains("Iteration 1: loading"), "iteration 1 is not redone\n" + log);
        assertTrue(log.contains("Iteration 2: reusing the pairs generated before the interruption"), log);
        assertTrue(log.contains("Iteration 2: resuming training after step " + checkpoint + " of "
                + STEPS_PER_ITERATION), log);
        JsonObject summary = lastJsonLine(resumed.out());
        assertEquals(List.of(), partialFiles(iteration2.getParent()), "what the kill cut off is cleaned up");

        // 4. The same run, never interrupted, in another workspace.
        Map<String, List<MetricPoint>> uninterruptedHistory;
        RunOutcome uninterrupted;
        List<List<Sample>> uninterruptedSamples;
        int threads = JniUtils.getNumThreads();
        try (Workspace other = Workspace.open(dir.resolve("ws-uninterrupted"))) {
            JniUtils.setNumThreads(1); // as the child processes: one thread is much faster on shared cores
            uninterrupted = new RunService(other, Device.cpu()).start(spec, TrainingListener.NONE, new Cancellation());
            assertEquals(RunStatus.COMPLETED, uninterrupted.status(), uninterrupted.message());
            uninterruptedHistory = History.of(other, uninterrupted.runId());
            uninterruptedSamples = samples(other, uninterrupted.runId());
        } finally {
            JniUtils.setNumThreads(threads);
        }

        // 5. Same iterations, same samples, same metrics.
        try (Workspace open = Workspace.open(workspace)) {
            assertEquals(RunStatus.COMPLETED, open.runs().findById(1).orElseThrow().status());
            List<Iteration> iterations = open.iterations().listByRun(1);
            assertEquals(ITERATIONS, iterations.size());
            assertTrue(iterations.stream().allMatch(i -> i.status() == IterationStatus.COMPLETED), iterations::toString);
            History.assertSame(uninterruptedHistory, History.of(open, 1));
            assertSameSamples(uninterruptedSamples, samples(open, 1));
            assertEquals(ITERATIONS, open.evaluations().listByRun(1).size());
        }
        assertEquals(1, summary.get("run").getAsLong());
        assertEquals("completed", summary.get("status").getAsString());
        JsonArray iterations = summary.getAsJsonArray("iterations");
        assertEquals(ITERATIONS, iterations.size(), summary.toString());
        for (int t = 1; t <= ITERATIONS; t++) {
            JsonObject iteration = iterations.get(t - 1).getAsJsonObject();
            assertEquals(t, iteration.get("iteration").getAsInt());
            assertTrue(Files.isRegularFile(Path.of(iteration.get("checkpoint").getAsString()).resolve("model.safetensors")));
            Map<String, Double> expected = uninterrupted.iterations().get(t - 1).metrics();
            JsonObject metrics = iteration.getAsJsonObject("metrics");
            assertEquals(expected.keySet(), metrics.keySet());
            for (var metric : expected.entrySet()) {
                assertEquals(metric.getValue(), metrics.get(metric.getKey()).getAsDouble(),
                        1e-6 * Math.max(1, Math.abs(metric.getValue())), metric.getKey() + " of iteration " + t);
            }
        }
    }

    /** Every iteration's samples, training then held-out. */
    private static List<List<Sample>> samples(Workspace workspace, long run) {
        List<List<Sample>> all = new ArrayList<>();
        for (Iteration iteration : workspace.iterations().listByRun(run)) {
            List<Sample> samples = new ArrayList<>(workspace.samples().list(iteration.id(), Split.TRAIN));
            samples.addAll(workspace.samples().list(iteration.id(), Split.EVAL));
            all.add(samples);
        }
        return all;
    }

    private static void assertSameSamples(List<List<Sample>> expected, List<List<Sample>> actual) {
        assertEquals(expected.size(), actual.size());
        for (int t = 0; t < expected.size(); t++) {
            assertEquals(expected.get(t).size(), actual.get(t).size(), "samples of iteration " + (t + 1));
            for (int i = 0; i < expected.get(t).size(); i++) {
                Sample want = expected.get(t).get(i);
                Sample got = actual.get(t).get(i);
                String where = "iteration " + (t + 1) + " " + want.split() + " sample " + want.exampleIndex();
                assertEquals(want.split(), got.split(), where);
                assertEquals(want.exampleIndex(), got.exampleIndex(), where);
                assertEquals(want.prompt(), got.prompt(), where);
                assertEquals(want.realResponse(), got.realResponse(), where);
                assertEquals(want.syntheticResponse(), got.syntheticResponse(), where);
                // the rewards come from the model the (resumed) training produced
                assertEquals(want.scores().rewardReal(), got.scores().rewardReal(), 1e-5, where);
                assertEquals(want.scores().rewardSynthetic(), got.scores().rewardSynthetic(), 1e-5, where);
            }
        }
    }

    /** Hidden half-written files and folders ({@code .NAME.….partial}, {@code .model.partial-…}) anywhere in the run. */
    private static List<Path> partialFiles(Path runFolder) throws IOException {
        try (Stream<Path> paths = Files.walk(runFolder)) {
            return paths.filter(p -> p.getFileName().toString().startsWith(".")
                    && p.getFileName().toString().contains(".partial")).toList();
        }
    }

    private static JsonObject lastJsonLine(String out) {
        List<String> lines = out.lines().filter(line -> !line.isBlank()).toList();
        assertFalse(lines.isEmpty(), "no output");
        return JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
    }

    private static Optional<Path> runFolder(Path workspace) throws IOException {
        Path projects = workspace.resolve(Workspace.PROJECTS_FOLDER);
        if (!Files.isDirectory(projects)) {
            return Optional.empty();
        }
        try (Stream<Path> folders = Files.list(projects)) {
            return folders.map(p -> p.resolve("runs").resolve("run-1")).filter(Files::isDirectory).findFirst();
        }
    }

    /** The step of the iteration's latest resumable checkpoint ({@code state-K}), if it has one. */
    private static Optional<Long> latestState(Path iteration) throws IOException {
        if (!Files.isDirectory(iteration)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(iteration)) {
            return entries.map(p -> p.getFileName().toString()).filter(name -> name.matches("state-\\d+"))
                    .map(name -> Long.parseLong(name.substring("state-".length()))).max(Long::compare);
        }
    }

    private interface Probe<T> {
        Optional<T> look() throws IOException;
    }

    /** Polls until {@code probe} finds something; fails if the child ends first or the time runs out. */
    private static <T> T await(ChildJvm child, Probe<T> probe, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CHILD_LIMIT_SECONDS);
        while (System.nanoTime() < deadline) {
            Optional<T> found = probe.look();
            if (found.isPresent()) {
                return found.get();
            }
            if (!child.process().isAlive()) {
                fail("spin ended (exit " + child.process().exitValue() + ") before " + what + " appeared\n" + child.err());
            }
            Thread.sleep(POLL_MILLIS);
        }
        return fail("no " + what + " within " + CHILD_LIMIT_SECONDS + " s\n" + child.err());
    }
}
