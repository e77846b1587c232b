package org.spinworkbench.train;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.spinworkbench.io.Problems;
import org.spinworkbench.lm.LlamaModel;

/**
 * Trains a loaded model in place for one iteration (every weight, or only its LoRA adapter),
 * from scratch or from the iteration's latest resumable checkpoint, saving one every
 * {@code saveSteps} steps and when cancelled.
 */
final class IterationTraining {
    static final double ADAM_BETA1 = 0.9;
    static final double ADAM_BETA2 = 0.999;
    static final double ADAM_EPSILON = 1e-8;

    private IterationTraining() {
    }

    /** @return the number of optimiser steps the iteration took */
    static long train(int iteration, LlamaModel model, TrainingObjective objective, TrainingConfig config,
                      RunFolder folder, TrainingListener listener, Cancellation cancellation) throws IOException {
        // with LoRA only the adapters: the base weights get no gradient and no optimiser state
        Map<String, NDArray> trained = model.trainableWeights();
        for (NDArray weight : trained.values()) {
            weight.setRequiresGradient(true);
        }
        model.setGradientCheckpointing(config.gradientCheckpointing());
        try (AdamW optimizer = new AdamW(trained, config.weightDecay(), ADAM_BETA1, ADAM_BETA2, ADAM_EPSILON)) {
            Trainer.Settings settings = new Trainer.Settings(config.epochs(), config.batchSize(),
                    config.gradientAccumulation(), config.maxGradNorm(), config.seed() * 31 + iteration);
            long total = new Trainer(model, optimizer, objective, settings, step -> 0).totalSteps();
            Trainer trainer = new Trainer(model, optimizer, objective, settings, config.scheduleFor(total));
            long first = 0;
            Optional<Path> state = folder.latestState(iteration);
            if (state.isPresent()) {
                first = TrainingState.restore(state.get(), trained, optimizer);
                listener.log("Iteration " + iteration + ": resuming training after step " + first + " of " + total);
            }
            listener.phaseStarted(iteration, Phase.TRAINING);
            listener.progress(iteration, Phase.TRAINING, (int) first, (int) total);
            StalledTraining stalled = new StalledTraining(iteration, config.learningRate());
            trainer.run(first, (done, all, metrics) -> {
                listener.stepMetrics(iteration, done, metrics);
                stalled.after(done, metrics.get("grad_norm")).ifPresent(listener::log);
                listener.progress(iteration, Phase.TRAINING, (int) done, (int) all);
                boolean periodic = config.saveSteps() > 0 && done % config.saveSteps() == 0 && done < all;
                if (periodic || (cancellation.stopHere() && done < all)) {
                    save(iteration, model, optimizer, done, folder, listener);
                }
                if (cancellation.stopHere() && done < all) {
                    throw new RunCancelledException("Cancelled after step " + done + " of " + all + " of iteration "
                            + iteration + "; resume to continue from there.");
                }
            });
            return total;
        } finally {
            model.setGradientCheckpointing(false);
            for (NDArray weight : trained.values()) {
                weight.setRequiresGradient(false);
            }
        }
    }

    /**
     * Keeps an iteration's fully trained weights as its state after the last step, for a run
     * stopped before they were evaluated and saved as its model. The state holds zero moments:
     * no step follows it, so a resume only evaluates and saves these weights.
     */
    static void saveTrained(int iteration, LlamaModel model, long steps, RunFolder folder, TrainingListener listener) {
        try (AdamW unused = new AdamW(model.trainableWeights(), 0, ADAM_BETA1, ADAM_BETA2, ADAM_EPSILON)) {
            save(iteration, model, unused, steps, folder, listener);
        }
    }

    private static void save(int iteration, LlamaModel model, AdamW optimizer, long step, RunFolder folder,
                             TrainingListener listener) {
        try {
            Path target = folder.state(iteration, step);
            TrainingState.save(target, model.trainableWeights(), optimizer, step);
            CrashPoint.STATE_PUBLISHED.reach();
            folder.deleteStatesBefore(iteration, step);
            listener.checkpointSaved(iteration, step, target);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the checkpoint after step " + step + ": "
                    + Problems.describe(e), e);
        }
    }
}
