package org.spinworkbench.train;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spinworkbench.data.DatasetSplit;
import org.spinworkbench.data.Example;
import org.spinworkbench.lm.Scorer;
import org.spinworkbench.lm.hf.DType;
import org.spinworkbench.lm.hf.ModelWriter;
import org.spinworkbench.lm.hf.PretrainedModel;

/**
 * A whole SPIN (or SFT) run on one machine: iteration after iteration, each loading the
 * previous iteration's model from disk, and each step of each iteration leaving files from
 * which a killed run resumes (see {@link RunFolder}). Starting a run on a folder that
 * already holds part of it continues where it stopped and produces the same iterations.
 */
public final class TrainingRun {
    private final Path baseModel;
    private final List<Example> train;
    private final List<Example> eval;
    private final TrainingConfig config;
    private final RunFolder folder;
    private final Device device;
    private final TrainingListener listener;
    private final Cancellation cancellation;
    private final ModelEvaluator evaluator;

    /** {@code evaluator} scores each iteration's model on the run's own held-out tasks, if it has any. */
    public TrainingRun(Path baseModel, DatasetSplit data, TrainingConfig config, RunFolder folder, RunContext context,
                       ModelEvaluator evaluator) {
        if (data.train().isEmpty()) {
            throw new IllegalArgumentException("There are no training examples.");
        }
        this.baseModel = baseModel;
        this.train = List.copyOf(data.train());
        this.eval = List.copyOf(data.eval());
        this.config = config;
        this.folder = folder;
        this.device = context.device();
        this.listener = context.listener();
        this.cancellation = context.cancellation();
        this.evaluator = evaluator;
    }

    /** Runs (or resumes) every remaining iteration; returns the ones this call completed. */
    public List<IterationResult> run() throws IOException {
        int iterations = config.kind() == TrainingConfig.Kind.SFT ? 1 : config.iterations();
        List<IterationResult> results = new ArrayList<>();
        for (int iteration = folder.lastCompletedIteration() + 1; iteration <= iterations; iteration++) {
            results.add(iteration(iteration));
        }
        if (cancellation.stopHere()) {
            listener.log("The cancel came while the last iteration was being saved; every iteration is complete.");
        }
        return results;
    }

    private IterationResult iteration(int iteration) throws IOException {
        try (PretrainedModel model = loadStart(iteration);
             SpinLoss loss = new SpinLoss(config.loss(), config.beta(), model.network().manager())) {
            model.setBosPolicy(config.format().bos());
            List<ScoredPair> pairs = startIteration(iteration, model);
            List<ScoredPair> training = new ArrayList<>(pairs.stream().filter(p -> !p.eval()).toList());
            training.addAll(previousPairs(iteration, model));

            Scorer scorer = new Scorer(model.network(), model.padTokenId());
            TrainingObjective objective = config.kind() == TrainingConfig.Kind.SFT
                    ? new SftObjective(scorer, training)
                    : new SpinObjective(scorer, training, loss, config.beta(), config.nllAlpha());
            Map<String, Double> lastStep = new LinkedHashMap<>();
            TrainingListener recording = new LastStepRecorder(listener, lastStep);
            long steps = IterationTraining.train(iteration, model.network(), objective, config, folder, recording,
                    cancellation);

            List<ScoredPair> rewarded;
            try {
                Runnable honourCancel = () -> cancelledWhileEvaluating(iteration);
                rewarded = Evaluation.reward(model, pairs, config.batchSize(), listener, iteration, honourCancel);
                honourCancel.run();
            } catch (RunCancelledException e) {
                // the trained weights are kept as the state after the last step: a resume evaluates them
                IterationTraining.saveTrained(iteration, model.network(), steps, folder, listener);
                throw e;
            }
            return finish(iteration, model, rewarded, loss, steps, lastStep, () -> publishTrained(iteration, model));
        }
    }

    /**
     * Makes the iteration's pairs (or reads back those already made) and reports them, without
     * training: what a cluster job that trains the iteration elsewhere is given.
     */
    public List<ScoredPair> preparePairs(int iteration) throws IOException {
        requireNext(iteration);
        try (PretrainedModel model = loadStart(iteration)) {
            model.setBosPolicy(config.format().bos());
            return startIteration(iteration, model);
        }
    }

    /**
     * Takes a model trained elsewhere on this iteration's pairs as the iteration's model: it is
     * evaluated here as a model trained here would be, then {@code staged} (a folder from
     * {@link RunFolder#stageModel}) is published as the iteration's {@code model/} and recorded.
     *
     * @param steps the optimiser steps it was trained for, where its evaluation is drawn
     */
    public IterationResult adopt(int iteration, Path staged, long steps) throws IOException {
        requireNext(iteration);
        Path pairsFile = folder.pairs(iteration);
        if (!Files.isRegularFile(pairsFile)) {
            throw new IllegalArgumentException("Iteration " + iteration + " has no pairs in " + pairsFile
                    + " to evaluate the imported model on.");
        }
        listener.log("Iteration " + iteration + ": evaluating the model trained elsewhere");
        try (PretrainedModel model = PretrainedModel.load(staged, device);
             SpinLoss loss = new SpinLoss(config.loss(), config.beta(), model.network().manager())) {
            model.setBosPolicy(config.format().bos());
            List<ScoredPair> rewarded = Evaluation.reward(model, PairsFile.read(pairsFile), config.batchSize(),
                    listener, iteration, () -> { });
            return finish(iteration, model, rewarded, loss, steps, Map.of(),
                    () -> RunFolder.publish(staged, folder.model(iteration)));
        }
    }

    private void requireNext(int iteration) {
        int done = folder.lastCompletedIteration();
        if (iteration != done + 1) {
            throw new IllegalArgumentException("The run's next iteration is " + (done + 1) + ", not " + iteration
                    + " (completed iterations: " + done + ").");
        }
    }

    /**
     * The model an iteration starts from, which also plays the opponent: the previous
     * iteration's model, or with LoRA the base carrying the previous iteration's adapter.
     */
    private PretrainedModel loadStart(int iteration) {
        if (config.loraSettings().isPresent()) {
            return adapterIterations().start(iteration);
        }
        Path opponent = iteration == 1 ? baseModel : folder.model(iteration - 1);
        listener.log("Iteration " + iteration + ": loading " + opponent);
        return PretrainedModel.load(opponent, device);
    }

    /** Writes the trained iteration's {@code model/} (with LoRA, its adapter first). */
    private void publishTrained(int iteration, PretrainedModel model) throws IOException {
        if (model.network().adapter().isPresent()) {
            adapterIterations().publish(iteration, model);
        } else {
            ModelWriter.save(model, folder.model(iteration), DType.F32);
        }
    }

    private AdapterIterations adapterIterations() {
        return new AdapterIterations(baseModel, config.loraSettings().orElseThrow(), config.seed(), folder, device,
                listener);
    }

    /** The base model's evaluation before the first iteration, then the iteration's pairs, reported. */
    private List<ScoredPair> startIteration(int iteration, PretrainedModel model) throws IOException {
        if (iteration == 1 && !Files.exists(folder.pairs(1)) && evaluator != ModelEvaluator.NONE) {
            listener.evaluated(0, 0, evaluator.evaluate(model)); // the base model, for comparison
        }
        List<ScoredPair> pairs = pairs(iteration, model);
        listener.pairsScored(iteration, pairs);
        return pairs;
    }

    /**
     * The end of an iteration, in the order recovery reads (decision 0011): rewards and the
     * held-out evaluation recorded, then the model published, then its checkpoint row and the
     * iteration marked completed.
     */
    private IterationResult finish(int iteration, PretrainedModel model, List<ScoredPair> rewarded, SpinLoss loss,
                                   long steps, Map<String, Double> lastStep, Publication publication)
            throws IOException {
        listener.pairsRewarded(iteration, rewarded);
        Map<String, Double> evalMetrics = new LinkedHashMap<>(config.kind() == TrainingConfig.Kind.SFT
                ? Evaluation.sftMetrics(rewarded)
                : Evaluation.spinMetrics(rewarded, loss, config.beta(), model.network().manager()));
        evalMetrics.putAll(evaluator.evaluate(model));
        listener.evaluated(iteration, steps, evalMetrics);

        // Files first, then rows: a process killed between the two leaves a published model
        // without its row, which the next resume records (RunService, decision 0011).
        publication.publish();
        CrashPoint.MODEL_PUBLISHED.reach();
        folder.deleteStatesBefore(iteration, Long.MAX_VALUE);
        listener.checkpointSaved(iteration, steps, folder.model(iteration));
        listener.iterationFinished(iteration);
        return new IterationResult(iteration, steps, lastStep, evalMetrics, folder.model(iteration));
    }

    /** Puts the iteration's model in place as {@code model/}, whole or not at all. */
    @FunctionalInterface
    private interface Publication {
        void publish() throws IOException;
    }

    private void cancelledWhileEvaluating(int iteration) {
        if (cancellation.stopHere()) {
            throw new RunCancelledException("Cancelled while evaluating iteration " + iteration + ", after its training;"
                    + " resume to evaluate and save it.");
        }
    }

    /** The iteration's pairs: read back when a resumed run already made them, else generated and scored. */
    private List<ScoredPair> pairs(int iteration, PretrainedModel model) throws IOException {
        Path file = folder.pairs(iteration);
        if (Files.isRegularFile(file)) {
            listener.log("Iteration " + iteration + ": reusing the pairs generated before the interruption");
            return PairsFile.read(file);
        }
        PairBuilder builder = new PairBuilder(model, config, listener, cancellation);
        List<ScoredPair> pairs = config.kind() == TrainingConfig.Kind.SFT ? builder.realOnly(train, eval)
                : config.regularisedSelfPlay() ? regularised(iteration, model).build(iteration, train, eval)
                : builder.build(iteration, train, eval);
        PairsFile.write(file, pairs);
        return pairs;
    }

    /**
     * With {@code mixPrevious}, iteration t also trains on iteration t-1's training pairs,
     * re-scored under this iteration's reference (the current model, or its regularised mixture).
     */
    private List<ScoredPair> previousPairs(int iteration, PretrainedModel model) throws IOException {
        if (!config.mixPrevious() || iteration == 1 || config.kind() == TrainingConfig.Kind.SFT) {
            return List.of();
        }
        Path file = folder.iteration(iteration).resolve("previous-pairs.jsonl");
        if (Files.isRegularFile(file)) {
            return PairsFile.read(file);
        }
        List<ScoredPair> earlier = PairsFile.read(folder.pairs(iteration - 1)).stream().filter(p -> !p.eval()).toList();
        List<ScoredPair> rescored = config.regularisedSelfPlay() ? regularised(iteration, model).score(iteration, earlier)
                : new PairBuilder(model, config, listener, cancellation).score(iteration, earlier);
        PairsFile.write(file, rescored);
        return rescored;
    }

    private RegularisedPairs regularised(int iteration, PretrainedModel model) {
        return new RegularisedPairs(model, RegularisedPairs.opponents(iteration, config.opponents(), baseModel, folder),
                baseModel, config, new RunContext(device, listener, cancellation));
    }

    /** Passes events on and keeps the latest step's metrics for the iteration's summary. */
    private record LastStepRecorder(TrainingListener delegate, Map<String, Double> last) implements TrainingListener {
        @Override
        public void stepMetrics(int iteration, long step, Map<String, Double> metrics) {
            last.clear();
            last.putAll(metrics);
            delegate.stepMetrics(iteration, step, metrics);
        }

        @Override
        public void phaseStarted(int iteration, Phase phase) {
            delegate.phaseStarted(iteration, phase);
        }

        @Override
        public void progress(int iteration, Phase phase, int done, int total) {
            delegate.progress(iteration, phase, done, total);
        }

        @Override
        public void checkpointSaved(int iteration, long step, Path saved) {
            delegate.checkpointSaved(iteration, step, saved);
        }

        @Override
        public void log(String message) {
            delegate.log(message);
        }
    }
}
