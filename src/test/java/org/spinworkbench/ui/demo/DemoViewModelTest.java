package org.spinworkbench.ui.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.runs.DemoRecipe;
import org.spinworkbench.runs.RunOutcome;
import org.spinworkbench.store.RunStatus;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.Phase;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.demo.DemoViewModel.State;

class DemoViewModelTest {
    private static final Executor DIRECT = Runnable::run;

    @TempDir
    Path folder;
    private Workspace workspace;
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private final AtomicInteger runsEnded = new AtomicInteger();
    /** A clock one second further on at every reading, so the time left is predictable. */
    private final AtomicLong seconds = new AtomicLong();

    @BeforeEach
    void openWorkspace() {
        workspace = Workspace.open(folder.resolve("workspace"));
    }

    @AfterEach
    void closeWorkspace() {
        workspace.close();
    }

    /** The run on the calling thread, its events applied as they come: the test sees the end when start returns. */
    private DemoViewModel demo(DemoLauncher launcher) {
        return new DemoViewModel(launcher, TinyDemoRun.ITERATIONS, messages, new DemoThreads(DIRECT, DIRECT,
                () -> TimeUnit.SECONDS.toNanos(seconds.incrementAndGet())), id -> runsEnded.incrementAndGet());
    }

    @Test
    void bothArmsRunForRealAndShowTheirPhasesProgressScoresAndAHeadlineThatComparesThem() throws Exception {
        DemoViewModel demo = demo(TinyDemoRun.launcher(workspace, folder));
        List<String> phases = new ArrayList<>();
        demo.progress().phaseProperty().addListener((o, before, now) -> {
            if (now != null) {
                phases.add(demo.progress().iterationTextProperty().get() + ": " + now);
            }
        });
        List<Double> trainingProgress = new ArrayList<>();
        demo.progress().progressProperty().addListener((o, before, now) -> {
            if (demo.progress().phaseProperty().get() == Phase.TRAINING) {
                trainingProgress.add(now.doubleValue());
            }
        });
        List<String> etas = new ArrayList<>();
        demo.progress().etaTextProperty().addListener((o, before, now) -> etas.add(now));
        List<String> totals = new ArrayList<>();
        demo.progress().totalEtaTextProperty().addListener((o, before, now) -> totals.add(now));
        List<Long> runIds = new ArrayList<>();
        demo.runIdProperty().addListener((o, before, now) -> runIds.add(now));
        List<State> states = new ArrayList<>();
        demo.stateProperty().addListener((o, before, now) -> states.add(now));

        demo.start();

        assertEquals(List.of("Iteration 1 of 2: GENERATING", "Iteration 1 of 2: SCORING", "Iteration 1 of 2: TRAINING",
                "Iteration 1 of 2: EVALUATING", "Iteration 2 of 2: GENERATING", "Iteration 2 of 2: SCORING",
                "Iteration 2 of 2: TRAINING", "Iteration 2 of 2: EVALUATING", "Control: continued SFT: TRAINING",
                "Control: continued SFT: EVALUATING"), phases);
        assertFalse(trainingProgress.isEmpty());
        assertEquals(1.0, trainingProgress.get(trainingProgress.size() - 1), "the last step fills the bar");
        assertTrue(etas.stream().anyMatch(text -> text.matches("About \\d+ s left in this phase")), etas.toString());
        assertTrue(totals.stream().anyMatch(text -> text.matches("About (\\d+ min )?\\d+ s left in the demo")),
                "once iteration 1 has shown how long each phase takes: " + totals);

        List<DemoResult> results = demo.results();
        assertEquals(List.of("Base model", "SPIN iteration 1", "SPIN iteration 2", "Continued SFT (control)"),
                results.stream().map(demo::modelName).toList());
        assertEquals(List.of(0, 1, 2, 1), results.stream().map(DemoResult::iteration).toList());
        for (DemoResult result : results) {
            assertNotNull(result.accuracy(), "accuracy of " + result);
            assertNotNull(result.taskAccuracy().get("add"), "per-task accuracy of " + result);
            assertNotNull(result.taskAccuracy().get("reverse"), "per-task accuracy of " + result);
        }
        assertNull(results.get(0).evalLoss(), "the base model has no SPIN loss");
        assertNotNull(results.get(2).evalLoss());
        assertNotNull(results.get(2).margin());
        assertTrue(results.get(3).isControl());

        assertEquals(List.of(State.RUNNING, State.FINISHED), states);
        assertFalse(demo.busyProperty().get());
        long base = Math.round(100 * results.get(0).accuracy());
        long spin = Math.round(100 * results.get(2).accuracy());
        long sft = Math.round(100 * results.get(3).accuracy());
        String verdict = spin > sft && spin > base ? "self-play did better than continued SFT."
                : spin == sft ? "self-play and continued SFT ended level."
                : spin < sft ? "continued SFT did better than self-play." : "neither improved on the base model.";
        assertEquals("Held-out accuracy: base model " + base + " %, after 2 iterations of self-play " + spin
                + " %, continued SFT with as many passes " + sft + " %. On this run, " + verdict,
                demo.messageProperty().get());
        assertEquals("Finished", demo.progress().phaseTextProperty().get());
        assertEquals(1.0, demo.progress().progressProperty().get());
        assertEquals("", demo.progress().etaTextProperty().get());
        assertFalse(demo.log().isEmpty(), "the run's log lines are shown");
        assertEquals(3, runsEnded.get(), "the explorer is refreshed as each run is recorded, and at the end");
        assertEquals(2, runIds.size(), "the SPIN run, then the control: " + runIds);
        long project = workspace.projects().find(TinyDemoRun.PROJECT).orElseThrow().id();
        assertEquals(runIds, workspace.runs().listByProject(project).stream().map(r -> r.id()).sorted().toList());
    }

    @Test
    void cancellingDuringTheRunEndsInTheCancelledState() throws Exception {
        DemoViewModel demo = demo(TinyDemoRun.launcher(workspace, folder));
        List<State> states = new ArrayList<>();
        demo.stateProperty().addListener((o, before, now) -> states.add(now));
        demo.progress().phaseProperty().addListener((o, before, now) -> {
            if (now == Phase.GENERATING) {
                demo.cancel(); // as the Cancel button would, while the engine works
            }
        });

        demo.start();

        assertEquals(List.of(State.RUNNING, State.CANCELLING, State.CANCELLED), states);
        assertEquals("The demo was stopped. What it finished is kept in the project \"Workshop demo\".",
                demo.messageProperty().get());
        assertEquals("Stopped", demo.progress().phaseTextProperty().get());
        assertEquals(List.of(0), demo.results().stream().map(DemoResult::iteration).toList(),
                "only the base model was scored; the control never started");
        assertEquals(2, runsEnded.get(), "the SPIN run was recorded, then it ended");
        assertFalse(demo.busyProperty().get(), "a new run can start");
    }

    @Test
    void missingDemoFilesAreExplainedInOneSentence() {
        String reason = "The demo's model and tasks were not found (looked in [sample-data]).";
        DemoViewModel demo = demo((arm, listener, recorded, cancellation) -> {
            throw new IllegalArgumentException(reason);
        });

        demo.start();

        assertEquals(State.FAILED, demo.stateProperty().get());
        assertEquals("The demo could not run: " + reason, demo.messageProperty().get());
        assertEquals(1, runsEnded.get());
    }

    @Test
    void theRunGoesToItsOwnThreadAndItsEventsComeBackOnlyThroughFx() throws Exception {
        BlockingQueue<Runnable> fxQueue = new LinkedBlockingQueue<>();
        CountDownLatch release = new CountDownLatch(1);
        List<String> launcherThreads = new ArrayList<>();
        DemoLauncher launcher = (arm, listener, recorded, cancellation) -> {
            launcherThreads.add(Thread.currentThread().getName());
            if (arm == DemoRecipe.Arm.CONTROL) {
                return new RunOutcome(8, RunStatus.COMPLETED, null, List.of());
            }
            listener.phaseStarted(1, Phase.TRAINING);
            listener.progress(1, Phase.TRAINING, 3, 4);
            listener.evaluated(1, 4, Map.of("eval_accuracy", 0.5));
            release.await();
            return new RunOutcome(7, RunStatus.COMPLETED, null, List.of());
        };
        DemoViewModel demo = new DemoViewModel(launcher, 3, messages,
                new DemoThreads(DemoViewModel.dedicatedThread(), fxQueue::add, System::nanoTime),
                id -> runsEnded.incrementAndGet());

        demo.start(); // returns at once: the calling (FX) thread never waits on the engine
        Runnable first = fxQueue.poll(10, TimeUnit.SECONDS);
        assertNotNull(first, "the run posts its events");
        assertNull(demo.progress().phaseProperty().get(), "nothing changes until the FX thread applies it");
        first.run();
        for (int i = 0; i < 2; i++) {
            fxQueue.poll(10, TimeUnit.SECONDS).run();
        }
        assertEquals(Phase.TRAINING, demo.progress().phaseProperty().get());
        assertEquals(0.75, demo.progress().progressProperty().get());
        assertEquals("3 / 4", demo.progress().progressTextProperty().get());
        assertEquals(1, demo.results().size());
        assertEquals(State.RUNNING, demo.stateProperty().get());

        release.countDown();
        fxQueue.poll(10, TimeUnit.SECONDS).run();
        assertEquals(State.FINISHED, demo.stateProperty().get());
        assertEquals(List.of("spin-workbench-demo", "spin-workbench-demo"), launcherThreads, "SPIN, then the control");
        assertEquals("The demo finished. Both runs are in the project \"Workshop demo\".", demo.messageProperty().get(),
                "no base model score, no comparison");
    }

    @Test
    void scoresAreShownAsWholePercentagesAndMissingOnesAsADash() {
        DemoResult base = DemoResult.of(DemoRecipe.Arm.SPIN, 0, Map.of("eval_accuracy", 0.2375, "eval_accuracy/add", 0.5));
        assertEquals("24 %", DemoResult.percent(base.accuracy(), Locale.ENGLISH));
        assertEquals("50 %", DemoResult.percent(base.taskAccuracy().get("add"), Locale.ENGLISH));
        assertEquals("–", DemoResult.percent(base.taskAccuracy().get("sort"), Locale.ENGLISH));
        assertEquals("–", DemoResult.number(base.evalLoss(), Locale.ENGLISH));
        assertEquals("0.693", DemoResult.number(0.69314, Locale.ENGLISH));
    }
}
