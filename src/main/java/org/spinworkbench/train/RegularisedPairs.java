package org.spinworkbench.train;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.spinworkbench.data.Example;
import org.spinworkbench.lm.hf.PretrainedModel;

/**
 * Steps 1–3 of a SPIN iteration under regularised self-play (α-SPIN, Alami et al. 2024).
 *
 * <p>Fictitious play: the opponent of iteration t is the uniform mixture of the latest
 * {@code opponents} iterates (t−1, t−2, …, the base counting as iterate 0). Each prompt's
 * synthetic response is sampled from one of them, drawn with the run's seed, and the
 * reference log-prob of a response is the mixture's: {@code log (1/H Σ_k π_k(y|x))}.
 *
 * <p>KL anchor: with weight A, the reference becomes the geometric mixture
 * {@code π_opp^(1−A) · π_0^A}, whose log-prob is {@code (1−A)·log π_opp + A·log π_0}; the
 * normaliser is the same for the real and the synthetic response of a prompt and cancels in
 * the loss. Both reduce to the paper's SPIN at H = 1, A = 0, and at iteration 1, whose only
 * opponent is the base.
 */
final class RegularisedPairs {
    private final PretrainedModel current;
    private final List<Path> opponents;
    private final Path base;
    private final TrainingConfig config;
    private final Device device;
    private final TrainingListener listener;
    private final Cancellation cancellation;

    /**
     * @param current   iterate t−1, loaded: it generates its share, scores, and is then trained
     * @param opponents the iterates the opponent mixes, newest first; the first is {@code current}'s folder
     * @param base      the base model (iterate 0), the KL anchor
     */
    RegularisedPairs(PretrainedModel current, List<Path> opponents, Path base, TrainingConfig config,
                     RunContext context) {
        this.current = current;
        this.opponents = List.copyOf(opponents);
        this.base = base;
        this.config = config;
        this.device = context.device();
        this.listener = context.listener();
        this.cancellation = context.cancellation();
    }

    /** The opponents of iteration {@code iteration}, newest first: at most {@code history}, the base last. */
    static List<Path> opponents(int iteration, int history, Path base, RunFolder folder) {
        List<Path> paths = new ArrayList<>();
        for (int k = iteration - 1; k >= Math.max(0, iteration - history); k--) {
            paths.add(k == 0 ? base : folder.model(k));
        }
        return paths;
    }

    /** Generated pairs of the training then the held-out examples, scored under the regularised reference. */
    List<ScoredPair> build(int iteration, List<Example> train, List<Example> eval) throws IOException {
        List<Example> all = new ArrayList<>(train);
        all.addAll(eval);
        int[] drawn = drawOpponents(iteration, all.size());
        String[] synthetic = new String[all.size()];
        for (int k = 0; k < opponents.size(); k++) {
            List<Integer> share = new ArrayList<>();
            for (int i = 0; i < drawn.length; i++) {
                if (drawn[i] == k) {
                    share.add(i);
                }
            }
            if (share.isEmpty()) {
                continue;
            }
            listener.log("Iteration " + iteration + ": " + share.size() + " synthetic responses from "
                    + opponents.get(k));
            try (Loaded opponent = load(k)) {
                List<String> texts = new PairBuilder(opponent.model, config, listener, cancellation)
                        .synthetic(iteration, share.stream().map(all::get).toList());
                for (int j = 0; j < share.size(); j++) {
                    synthetic[share.get(j)] = texts.get(j);
                }
            }
        }
        List<ScoredPair> pairs = new PairBuilder(current, config, listener, cancellation)
                .unscored(train, eval, List.of(synthetic));
        return score(iteration, pairs);
    }

    /** The pairs with their reference log-probs under the opponents' mixture, anchored to the base. */
    List<ScoredPair> score(int iteration, List<ScoredPair> pairs) throws IOException {
        double[][] real = new double[opponents.size()][];
        double[][] synthetic = new double[opponents.size()][];
        PairScores anchor = null;
        for (int k = 0; k < opponents.size(); k++) {
            PairScores scores;
            try (Loaded opponent = load(k)) {
                scores = new PairBuilder(opponent.model, config, listener, cancellation).scores(iteration, pairs);
            }
            real[k] = scores.real();
            synthetic[k] = scores.synthetic();
            if (opponents.get(k).equals(base)) {
                anchor = scores;
            }
        }
        boolean anchored = config.klAnchor() > 0 && iteration > 1;
        if (anchored && anchor == null) {
            try (PretrainedModel model = loadModel(base)) {
                anchor = new PairBuilder(model, config, listener, cancellation).scores(iteration, pairs);
            }
        }
        double a = anchored ? config.klAnchor() : 0;
        List<ScoredPair> result = new ArrayList<>(pairs.size());
        for (int i = 0; i < pairs.size(); i++) {
            double refReal = mixture(real, i);
            double refSynthetic = mixture(synthetic, i);
            if (anchored) {
                refReal = (1 - a) * refReal + a * anchor.real()[i];
                refSynthetic = (1 - a) * refSynthetic + a * anchor.synthetic()[i];
            }
            result.add(pairs.get(i).withReference(refReal, refSynthetic));
        }
        return result;
    }

    /** log (1/H Σ_k exp(logps[k][i])), computed stably. */
    static double mixture(double[][] logps, int i) {
        double max = Double.NEGATIVE_INFINITY;
        for (double[] model : logps) {
            max = Math.max(max, model[i]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double[] model : logps) {
            sum += Math.exp(model[i] - max);
        }
        return max + Math.log(sum / logps.length);
    }

    /** Which opponent answers each prompt: uniform over the opponents, fixed by the run's seed and the iteration. */
    int[] drawOpponents(int iteration, int count) {
        Random random = new Random(config.seed() * 1_000_033L + iteration);
        int[] drawn = new int[count];
        for (int i = 0; i < count; i++) {
            drawn[i] = opponents.size() == 1 ? 0 : random.nextInt(opponents.size());
        }
        return drawn;
    }

    private Loaded load(int k) throws IOException {
        return k == 0 ? new Loaded(current, false) : new Loaded(loadModel(opponents.get(k)), true);
    }

    private PretrainedModel loadModel(Path folder) throws IOException {
        listener.log("Loading " + folder);
        PretrainedModel model = PretrainedModel.load(folder, device);
        model.setBosPolicy(config.format().bos());
        return model;
    }

    /** A model this class loaded and closes, or the current one, which it leaves open. */
    private record Loaded(PretrainedModel model, boolean owned) implements AutoCloseable {
        @Override
        public void close() {
            if (owned) {
                model.close();
            }
        }
    }
}
