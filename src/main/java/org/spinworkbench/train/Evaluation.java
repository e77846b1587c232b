package org.spinworkbench.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spinworkbench.lm.hf.PretrainedModel;

/**
 * Step 6: the trained model scores every pair again, giving each its policy log-probs and
 * rewards, and the held-out pairs give the {@code eval_} metrics.
 */
final class Evaluation {
    private Evaluation() {
    }

    /** The pairs with their policy log-probs filled in, in the same order. */
    static List<ScoredPair> reward(PretrainedModel model, List<ScoredPair> pairs, int batchSize,
                                   TrainingListener listener, int iteration, Runnable betweenBatches) {
        listener.phaseStarted(iteration, Phase.EVALUATING);
        PairScores policy = PairScores.of(model, pairs, batchSize, betweenBatches,
                done -> listener.progress(iteration, Phase.EVALUATING, done, pairs.size()));
        List<ScoredPair> rewarded = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            rewarded.add(pairs.get(i).withPolicy(policy.real()[i], policy.synthetic()[i]));
        }
        return rewarded;
    }

    /** SPIN metrics of the held-out pairs, {@code eval_} prefixed; empty when there are none. */
    static Map<String, Double> spinMetrics(List<ScoredPair> rewarded, SpinLoss loss, double beta, NDManager manager) {
        List<ScoredPair> held = rewarded.stream().filter(ScoredPair::eval).toList();
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (held.isEmpty()) {
            return metrics;
        }
        float[] policyReal = new float[held.size()];
        float[] policySynthetic = new float[held.size()];
        float[] referenceReal = new float[held.size()];
        float[] referenceSynthetic = new float[held.size()];
        for (int i = 0; i < held.size(); i++) {
            policyReal[i] = held.get(i).policyReal().floatValue();
            policySynthetic[i] = held.get(i).policySynthetic().floatValue();
            referenceReal[i] = (float) held.get(i).referenceReal();
            referenceSynthetic[i] = (float) held.get(i).referenceSynthetic();
        }
        try (NDManager work = manager.newSubManager(); NDScope scope = new NDScope()) {
            metrics.put("eval_loss", (double) loss.loss(work.create(policyReal), work.create(policySynthetic),
                    work.create(referenceReal), work.create(referenceSynthetic)).getFloat());
        }
        metrics.putAll(SpinLoss.metrics(beta, policyReal, policySynthetic, referenceReal, referenceSynthetic)
                .asMap("eval_"));
        return metrics;
    }

    /** SFT: mean negative log-likelihood per real-response token of the held-out pairs. */
    static Map<String, Double> sftMetrics(List<ScoredPair> rewarded) {
        double logps = 0;
        long tokens = 0;
        int count = 0;
        for (ScoredPair pair : rewarded) {
            if (pair.eval()) {
                logps += pair.policyReal();
                tokens += pair.realTokens().length;
                count++;
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (count > 0) {
            metrics.put("eval_loss", -logps / Math.max(1, tokens));
            metrics.put("eval_logps/real", logps / count);
        }
        return metrics;
    }
}
