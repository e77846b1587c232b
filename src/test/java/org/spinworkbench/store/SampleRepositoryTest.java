package org.spinworkbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleRepositoryTest {
    @TempDir
    Path dir;
    Workspace workspace;
    SampleRepository samples;
    Iteration iteration;

    @BeforeEach
    void open() {
        workspace = Workspace.open(dir, StoreFixtures.fixedClock());
        samples = workspace.samples();
        Run run = StoreFixtures.spinRun(workspace, workspace.projects().create("Tiny", ""));
        iteration = workspace.iterations().start(run.id(), 1);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void samplesRoundTripWithUnknownValuesKeptUnknown() {
        Sample scored = Sample.of(new Sample.Key(iteration.id(), Split.TRAIN, 0),
                new Sample.Texts("Name a prime.", "7", "Nine, I think.", 1, 5),
                new SampleScores(-3.25, -11.5, -2.0, -14.0, 0.125, -0.25));
        Sample fresh = Sample.of(new Sample.Key(iteration.id(), Split.TRAIN, 1),
                new Sample.Texts("Say 你好.", "你好", "Hello", null, null), SampleScores.NONE);
        Sample held = StoreFixtures.sample(iteration.id(), Split.EVAL, 0);

        samples.insertAll(List.of(scored, fresh, held));

        assertEquals(List.of(scored, fresh), samples.list(iteration.id(), Split.TRAIN));
        assertEquals(List.of(held), samples.list(iteration.id(), Split.EVAL));
        assertNull(samples.list(iteration.id(), Split.TRAIN).get(1).realTokens());
    }

    @Test
    void thousandsOfSamplesGoInOneBatchAndPageInOrder() {
        List<Sample> batch = new ArrayList<>();
        IntStream.range(0, 5_000).map(i -> 4_999 - i)
                .forEach(i -> batch.add(StoreFixtures.sample(iteration.id(), Split.TRAIN, i)));

        samples.insertAll(batch);

        assertEquals(5_000, samples.count(iteration.id(), Split.TRAIN));
        assertEquals(0, samples.count(iteration.id(), Split.EVAL));
        List<Sample> page = samples.page(iteration.id(), Split.TRAIN, 1_200, 25);
        assertEquals(25, page.size());
        assertEquals(1_200, page.get(0).exampleIndex());
        assertEquals(1_224, page.get(24).exampleIndex());
        assertEquals(StoreFixtures.sample(iteration.id(), Split.TRAIN, 1_210), page.get(10));
        assertEquals(2, samples.page(iteration.id(), Split.TRAIN, 4_998, 25).size());
        assertTrue(samples.page(iteration.id(), Split.TRAIN, 5_000, 25).isEmpty());
    }

    @Test
    void aDuplicateInTheBatchRollsBackTheWholeBatch() {
        samples.insertAll(List.of(StoreFixtures.sample(iteration.id(), Split.EVAL, 0)));
        List<Sample> batch = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            batch.add(StoreFixtures.sample(iteration.id(), Split.TRAIN, i));
        }
        batch.add(StoreFixtures.sample(iteration.id(), Split.TRAIN, 700)); // after two batches were executed

        assertThrows(StoreException.class, () -> samples.insertAll(batch));

        assertEquals(0, samples.count(iteration.id(), Split.TRAIN));
        assertEquals(1, StoreFixtures.count(workspace, "samples"), "rows from before the batch stay");
    }

    @Test
    void scoresArriveInPassesAndAnUnwrittenScoreKeepsItsValue() {
        samples.insertAll(List.of(StoreFixtures.sample(iteration.id(), Split.TRAIN, 0),
                StoreFixtures.sample(iteration.id(), Split.TRAIN, 1)));

        samples.updateScores(iteration.id(), Split.TRAIN, Map.of(
                0, SampleScores.reference(-4.0, -9.0),
                1, SampleScores.reference(-5.0, -6.0)));
        samples.updateScores(iteration.id(), Split.TRAIN, Map.of(
                0, new SampleScores(null, null, -3.0, -10.0, 0.1, -0.1)));

        List<Sample> stored = samples.list(iteration.id(), Split.TRAIN);
        assertEquals(new SampleScores(-4.0, -9.0, -3.0, -10.0, 0.1, -0.1), stored.get(0).scores());
        assertEquals(SampleScores.reference(-5.0, -6.0), stored.get(1).scores());
    }

    @Test
    void scoringASampleThatDoesNotExistRollsBackTheWholeUpdate() {
        samples.insertAll(List.of(StoreFixtures.sample(iteration.id(), Split.TRAIN, 0)));
        Map<Integer, SampleScores> scores = new java.util.LinkedHashMap<>();
        scores.put(0, SampleScores.reference(-1.0, -2.0));
        scores.put(99, SampleScores.reference(-1.0, -2.0));

        assertThrows(StoreException.class, () -> samples.updateScores(iteration.id(), Split.TRAIN, scores));

        assertEquals(SampleScores.NONE, samples.list(iteration.id(), Split.TRAIN).get(0).scores());
    }

    @Test
    void samplesOfAnIterationThatDoesNotExistAreRefused() {
        assertThrows(StoreException.class,
                () -> samples.insertAll(List.of(StoreFixtures.sample(iteration.id() + 100, Split.TRAIN, 0))));
    }
}
