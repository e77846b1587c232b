package org.spinworkbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spinworkbench.lm.Scorer;

/**
 * The SPIN objective: prefer the real response over the model's own synthetic one, relative
 * to the frozen opponent whose log-probs were computed once and stored with the pairs.
 * A micro-batch of B pairs goes through the model as B rows, each pair's real and synthetic
 * response sharing one pass of their prompt ({@link Scorer#pairLogProbs}).
 */
final class SpinObjective implements TrainingObjective {
    private final Scorer scorer;
    private final List<ScoredPair> pairs;
    private final SpinLoss loss;
    private final double beta;
    private final double nllAlpha;

    /** @param nllAlpha weight of the real responses' NLL added to the loss (TRL's rpo_alpha); 0 for the paper's SPIN */
    SpinObjective(Scorer scorer, List<ScoredPair> pairs, SpinLoss loss, double beta, double nllAlpha) {
        this.scorer = scorer;
        this.pairs = List.copyOf(pairs);
        this.loss = loss;
        this.beta = beta;
        this.nllAlpha = nllAlpha;
    }

    @Override
    public int size() {
        return pairs.size();
    }

    @Override
    public Result loss(List<Integer> examples, NDManager manager) {
        int rows = examples.size();
        List<int[]> prompts = new ArrayList<>(rows);
        List<int[]> reals = new ArrayList<>(rows);
        List<int[]> synthetics = new ArrayList<>(rows);
        float[] referenceReal = new float[rows];
        float[] referenceSynthetic = new float[rows];
        int[] realCounts = new int[rows];
        for (int i = 0; i < rows; i++) {
            ScoredPair pair = pairs.get(examples.get(i));
            prompts.add(pair.promptTokens());
            reals.add(pair.realTokens());
            synthetics.add(pair.syntheticTokens());
            realCounts[i] = pair.realTokens().length;
            referenceReal[i] = (float) pair.referenceReal();
            referenceSynthetic[i] = (float) pair.referenceSynthetic();
        }
        NDArray logProbs = scorer.pairLogProbs(prompts, reals, synthetics, manager);  // (2B) real rows, then synthetic
        NDArray policyReal = logProbs.get("0:{}", rows);                              // (B)
        NDArray policySynthetic = logProbs.get("{}:", rows);                          // (B)
        NDArray value = loss.loss(policyReal, policySynthetic,
                manager.create(referenceReal), manager.create(referenceSynthetic));
        SpinMetrics metrics = SpinLoss.metrics(beta, policyReal.toFloatArray(), policySynthetic.toFloatArray(),
                referenceReal, referenceSynthetic);
        if (nllAlpha == 0) {
            return new Result(value, metrics.asMap(""));
        }
        NDArray nll = SftLoss.loss(policyReal, realCounts, manager);                   // () mean per real token
        // the weight as a tensor of the step's manager, never a Java scalar in the graph (DJL_NOTES trap 1)
        NDArray withNll = value.add(nll.mul(manager.create((float) nllAlpha)));
        Map<String, Double> logged = new LinkedHashMap<>(metrics.asMap(""));
        logged.put("nll_loss", (double) nll.getFloat());
        return new Result(withNll, logged);
    }
}
