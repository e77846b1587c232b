package org.spinworkbench.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.spinworkbench.store.ContentHash;
import org.spinworkbench.store.IterationStatus;
import org.spinworkbench.store.MetricPoint;
import org.spinworkbench.store.Sample;
import org.spinworkbench.store.SampleScores;
import org.spinworkbench.store.Split;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.Phase;
import org.spinworkbench.train.ScoredPair;
import org.spinworkbench.train.TrainingListener;

/**
 * Writes a run into the workspace as it happens: iterations and their phases, every pair
 * with its log-probs and rewards, metrics per step, evaluations and checkpoints. A resumed
 * run records again what it redoes; the store replaces rather than duplicates.
 */
final class RunRecorder implements TrainingListener {
    private final Workspace workspace;
    private final long runId;
    private final double beta;
    private final Map<Integer, Long> iterationIds = new HashMap<>();

    RunRecorder(Workspace workspace, long runId, double beta) {
        this.workspace = workspace;
        this.runId = runId;
        this.beta = beta;
    }

    @Override
    public void phaseStarted(int iteration, Phase phase) {
        long id = iterationId(iteration);
        workspace.iterations().updateStatus(id, IterationStatus.valueOf(phase.name()));
    }

    @Override
    public void stepMetrics(int iteration, long step, Map<String, Double> metrics) {
        List<MetricPoint> points = new ArrayList<>();
        metrics.forEach((name, value) -> points.add(new MetricPoint(iteration, step, name, value)));
        workspace.metrics().recordAll(runId, points);
    }

    @Override
    public void pairsScored(int iteration, List<ScoredPair> pairs) {
        long id = iterationId(iteration);
        if (workspace.samples().count(id, Split.TRAIN) + workspace.samples().count(id, Split.EVAL) > 0) {
            return; // a resumed iteration: its pairs were recorded before the interruption
        }
        List<Sample> samples = new ArrayList<>();
        for (ScoredPair pair : pairs) {
            samples.add(Sample.of(new Sample.Key(id, split(pair), pair.exampleIndex()), new Sample.Texts(pair.prompt(),
                    pair.realResponse(), pair.syntheticResponse(), pair.realTokens().length,
                    pair.syntheticTokens().length), scores(pair)));
        }
        workspace.samples().insertAll(samples);
    }

    @Override
    public void pairsRewarded(int iteration, List<ScoredPair> pairs) {
        long id = iterationId(iteration);
        for (Split split : Split.values()) {
            Map<Integer, SampleScores> scores = new LinkedHashMap<>();
            for (ScoredPair pair : pairs) {
                if (split(pair) == split) {
                    scores.put(pair.exampleIndex(), scores(pair));
                }
            }
            if (!scores.isEmpty()) {
                workspace.samples().updateScores(id, split, scores);
            }
        }
    }

    @Override
    public void evaluated(int iteration, long step, Map<String, Double> metrics) {
        if (metrics.isEmpty()) {
            return;
        }
        workspace.evaluations().record(runId, iteration, null, metrics);
        stepMetrics(iteration, step, metrics);
    }

    @Override
    public void checkpointSaved(int iteration, long step, Path folder) {
        try {
            workspace.checkpoints().record(runId, iteration, step, folder, sizeOf(folder), ContentHash.ofFolder(folder));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the checkpoint " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void iterationFinished(int iteration) {
        workspace.iterations().finish(iterationId(iteration), IterationStatus.COMPLETED);
    }

    /** Marks the iteration in progress, if any, as ended by a failure or a cancellation. */
    void interrupted(IterationStatus status) {
        workspace.iterations().listByRun(runId).stream()
                .filter(i -> i.status() != IterationStatus.COMPLETED && i.finishedAt() == null)
                .forEach(i -> workspace.iterations().finish(i.id(), status));
    }

    private long iterationId(int iteration) {
        return iterationIds.computeIfAbsent(iteration, t -> workspace.iterations().find(runId, t)
                .orElseGet(() -> workspace.iterations().start(runId, t)).id());
    }

    private SampleScores scores(ScoredPair pair) {
        return new SampleScores(pair.referenceReal(), pair.referenceSynthetic(), pair.policyReal(),
                pair.policySynthetic(), pair.rewardReal(beta), pair.rewardSynthetic(beta));
    }

    private static Split split(ScoredPair pair) {
        return pair.eval() ? Split.EVAL : Split.TRAIN;
    }

    private static long sizeOf(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
