package org.spinworkbench.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.lm.SamplingOptions;
import org.spinworkbench.lm.hf.Completion;
import org.spinworkbench.lm.hf.DType;
import org.spinworkbench.lm.hf.PretrainedModel;
import org.spinworkbench.lm.hf.TextGenerator;
import org.spinworkbench.store.IterationStatus;
import org.spinworkbench.store.MetricPoint;
import org.spinworkbench.store.RunStatus;
import org.spinworkbench.store.Sample;
import org.spinworkbench.store.Split;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.Cancellation;
import org.spinworkbench.train.Phase;
import org.spinworkbench.train.TrainingListener;

/** Whole SPIN runs on a tiny real model, recorded in a real workspace. */
class RunServiceTest {
    @TempDir
    Path dir;

    @Test
    void twoIterationsAreRecordedAndTheirModelsExport() throws Exception {
        Path model = TinyRuns.model(dir);
        Path data = TinyRuns.data(dir);
        try (Workspace workspace = Workspace.open(dir.resolve("ws"))) {
            RunService runs = new RunService(workspace, Device.cpu());
            RunOutcome outcome = runs.start(TinyRuns.spec(model, data, TinyRuns.config(2, 2)), TrainingListener.NONE,
                    new Cancellation());

            assertEquals(RunStatus.COMPLETED, outcome.status(), outcome.message());
            assertEquals(List.of(1, 2), outcome.iterations().stream().map(RunOutcome.IterationSummary::iteration).toList());
            for (RunOutcome.IterationSummary iteration : outcome.iterations()) {
                for (String name : List.of("loss", "rewards/real", "rewards/generated", "rewards/margins",
                        "rewards/accuracies", "logps/real", "logps/generated", "learning_rate", "grad_norm", "epoch",
                        "eval_loss", "eval_rewards/margins")) {
                    assertTrue(iteration.metrics().containsKey(name), name + " in iteration " + iteration.iteration());
                }
                assertEquals(2.0, iteration.metrics().get("epoch"), 1e-9);
                assertTrue(Files.isRegularFile(iteration.checkpoint().resolve("model.safetensors")));
            }

            long runId = outcome.runId();
            var iterations = workspace.iterations().listByRun(runId);
            assertEquals(2, iterations.size());
            assertTrue(iterations.stream().allMatch(i -> i.status() == IterationStatus.COMPLETED));
            for (var iteration : iterations) {
                List<Sample> train = workspace.samples().list(iteration.id(), Split.TRAIN);
                List<Sample> held = workspace.samples().list(iteration.id(), Split.EVAL);
                assertEquals(9, train.size());
                assertEquals(3, held.size());
                for (Sample sample : train) {
                    var scores = sample.scores();
                    assertNotNull(scores.policyLogpReal());
                    assertEquals(0.1 * (scores.policyLogpReal() - scores.refLogpReal()), scores.rewardReal(), 1e-9);
                    assertTrue(sample.prompt().matches("\\d+\\+\\d+="), sample.prompt());
                }
            }
            List<MetricPoint> loss = workspace.metrics().series(runId, "loss");
            assertEquals(12, loss.size(), "2 iterations x (9 pairs / batch 3) x 2 epochs");
            assertEquals(2, workspace.evaluations().listByRun(runId).size());
            assertFalse(Files.list(runs.outcome(runId, RunStatus.COMPLETED, null).iterations().get(0).checkpoint()
                    .getParent()).anyMatch(p -> p.getFileName().toString().startsWith("state-")),
                    "resumable checkpoints are removed once the iteration's model is saved");

            Path exported = new ModelExports(workspace).export(runId, 2, dir.resolve("exported"), DType.F32);
            assertSameOutputs(outcome.iterations().get(1).checkpoint(), exported);
        }
    }

    private static void assertSameOutputs(Path first, Path second) {
        List<String> prompts = List.of("1+4=", "7+10=");
        try (PretrainedModel a = PretrainedModel.load(first, Device.cpu());
             PretrainedModel b = PretrainedModel.load(second, Device.cpu())) {
            List<Completion> fromA = new TextGenerator(a).generate(prompts, false, SamplingOptions.greedy(8), 2, d -> { });
            List<Completion> fromB = new TextGenerator(b).generate(prompts, false, SamplingOptions.greedy(8), 2, d -> { });
            for (int i = 0; i < prompts.size(); i++) {
                assertArrayEquals(fromA.get(i).tokenIds(), fromB.get(i).tokenIds());
            }
        }
    }

    /** The history of the two-iteration tiny run trained from start to end without a stop, in a workspace of its own. */
    private Map<String, List<MetricPoint>> uninterrupted(Path model, Path data) throws Exception {
        try (Workspace workspace = Workspace.open(dir.resolve("ws-a"))) {
            long run = new RunService(workspace, Device.cpu()).start(TinyRuns.spec(model, data, TinyRuns.config(2, 0)),
                    TrainingListener.NONE, new Cancellation()).runId();
            return History.of(workspace, run);
        }
    }

    @Test
    void aCancelledRunResumesToTheSameHistoryAsAnUninterruptedOne() throws Exception {
        Cancellation cancellation = new Cancellation();
        stoppedAtStepThreeOfIterationTwoThenResumed("ws-b", cancellation, cancellation::request, stopped -> { });
    }

    @Test
    void anInterruptOfTheTrainingThreadStopsAtTheNextStepWithItsCheckpointAndIsPassedOn() throws Exception {
        // an interrupted training thread used to run on until a checkpoint write failed on the interrupt
        Thread training = Thread.currentThread();
        stoppedAtStepThreeOfIterationTwoThenResumed("ws-interrupted", new Cancellation(), () -> {
            new Thread(training::interrupt).start();
            while (!training.isInterrupted()) { // waiting by join() would take the interrupt itself
                Thread.onSpinWait();
            }
        }, stopped -> assertTrue(Thread.interrupted(), "the interrupt is raised again once the run has ended"));
    }

    /**
     * A two-iteration run that {@code stop} stops at step 3 of iteration 2: it ends cancelled with
     * no step after that one, and its resume ends with an uninterrupted run's history.
     */
    private void stoppedAtStepThreeOfIterationTwoThenResumed(String folder, Cancellation cancellation, Runnable stop,
                                                             Consumer<RunOutcome> checkStopped) throws Exception {
        Path model = TinyRuns.model(dir);
        Path data = TinyRuns.data(dir);
        Map<String, List<MetricPoint>> uninterrupted = uninterrupted(model, data);
        try (Workspace workspace = Workspace.open(dir.resolve(folder))) {
            RunService runs = new RunService(workspace, Device.cpu());
            List<Long> stepsSeen = new ArrayList<>();
            TrainingListener stopMidIteration = new TrainingListener() {
                @Override
                public void stepMetrics(int iteration, long step, Map<String, Double> metrics) {
                    stepsSeen.add(step);
                    if (iteration == 2 && step == 3) {
                        stop.run();
                    }
                }
            };
            RunOutcome stopped = runs.start(TinyRuns.spec(model, data, TinyRuns.config(2, 0)), stopMidIteration,
                    cancellation);
            checkStopped.accept(stopped);
            assertEquals(RunStatus.CANCELLED, stopped.status(), stopped.message());
            assertTrue(stopped.message().contains("after step 3 of"), stopped.message());
            assertEquals(3L, stepsSeen.get(stepsSeen.size() - 1), "no step after the stop");
            assertEquals(IterationStatus.CANCELLED, workspace.iterations().find(stopped.runId(), 2).orElseThrow().status());

            RunOutcome resumed = runs.resume(stopped.runId(), TrainingListener.NONE, new Cancellation());
            assertEquals(RunStatus.COMPLETED, resumed.status(), resumed.message());
            History.assertSame(uninterrupted, History.of(workspace, stopped.runId()));
        }
    }

    @Test
    void aCancelDuringEvaluationStopsTheRunAndItsResumeEvaluatesTheSameTrainedWeights() throws Exception {
        // cancelling while an iteration was evaluated used to be ignored: the run completed, saying nothing
        Path model = TinyRuns.model(dir);
        Path data = TinyRuns.data(dir);
        Map<String, List<MetricPoint>> uninterrupted = uninterrupted(model, data);
        try (Workspace workspace = Workspace.open(dir.resolve("ws-b"))) {
            RunService runs = new RunService(workspace, Device.cpu());
            Cancellation cancellation = new Cancellation();
            TrainingListener cancelWhileEvaluating = new TrainingListener() {
                @Override
                public void phaseStarted(int iteration, Phase phase) {
                    if (iteration == 1 && phase == Phase.EVALUATING) {
                        cancellation.request();
                    }
                }
            };
            RunOutcome stopped = runs.start(TinyRuns.spec(model, data, TinyRuns.config(2, 0)), cancelWhileEvaluating,
                    cancellation);
            assertEquals(RunStatus.CANCELLED, stopped.status(), stopped.message());
            assertEquals("Cancelled while evaluating iteration 1, after its training; resume to evaluate and save it.",
                    stopped.message());
            assertEquals(List.of(), stopped.iterations(), "no model is saved for an iteration not evaluated");
            List<String> log = runs.log(stopped.runId());
            assertTrue(log.get(log.size() - 1).endsWith("  Run " + stopped.runId() + " cancelled: " + stopped.message()),
                    log.toString());

            RunOutcome resumed = runs.resume(stopped.runId(), TrainingListener.NONE, new Cancellation());
            assertEquals(RunStatus.COMPLETED, resumed.status(), resumed.message());
            History.assertSame(uninterrupted, History.of(workspace, stopped.runId()));
        }
    }

    @Test
    void aDivergingRunStopsWithAClearMessageAndKeepsItsLastCheckpoint() throws Exception {
        Path model = TinyRuns.model(dir);
        Path data = TinyRuns.data(dir);
        var base = TinyRuns.config(1, 1);
        var reckless = base.toBuilder()
                .optIterations(1)
                .optLearningRate(1e12)
                .optWarmupRatio(0.0)
                .optSchedule(org.spinworkbench.train.TrainingConfig.Schedule.CONSTANT)
                .optSaveSteps(1)
                .build();
        try (Workspace workspace = Workspace.open(dir.resolve("ws"))) {
            RunService runs = new RunService(workspace, Device.cpu());
            RunOutcome outcome = runs.start(TinyRuns.spec(model, data, reckless), TrainingListener.NONE,
                    new Cancellation());

            assertEquals(RunStatus.FAILED, outcome.status());
            assertTrue(outcome.message().startsWith("Training stopped at step"), outcome.message());
            assertTrue(outcome.message().contains("NaN") || outcome.message().contains("Infinity"), outcome.message());
            assertEquals(IterationStatus.FAILED, workspace.iterations().find(outcome.runId(), 1).orElseThrow().status());
            var run = workspace.runs().findById(outcome.runId()).orElseThrow();
            var state = RunFolders.of(workspace, run).iteration(1);
            assertTrue(Files.list(state).anyMatch(p -> p.getFileName().toString().startsWith("state-")),
                    "the last good step's checkpoint is on disk");
        }
    }
}
