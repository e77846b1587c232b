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
 * Real and synthetic responses of a micro-batch go through the model as one batch of 2B.
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
        List<int[]> prompts = new ArrayList<>(2 * rows);
        List<int[]> responses = new ArrayList<>(2 * rows);
        float[] referenceReal = new float[rows];
        float[] referenceSynthetic = new float[rows];
        int[] realCounts = new int[rows];
        for (int i = 0; i < rows; i++) {
            ScoredPair pair = pairs.get(examples.get(i));
            prompts.add(pair.promptTokens());
            responses.add(pair.realTokens());
            realCounts[i] = pair.realTokens().length;
            referenceReal[i] = (float) pair.referenceReal();
            referenceSynthetic[i] = (float) pair.referenceSynthetic();
        }
        for (int i = 0; i < rows; i++) {
            ScoredPair pair = pairs.get(examples.get(i));
            prompts.add(pair.promptTokens());
            responses.add(pair.syntheticTokens());
        }
        NDArray logProbs = scorer.responseLogProbs(prompts, responses, manager);     // (2B)
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
