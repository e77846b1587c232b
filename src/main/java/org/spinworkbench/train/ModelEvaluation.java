package org.spinworkbench.train;

import java.util.List;
import java.util.Map;
import org.spinworkbench.data.Example;
import org.spinworkbench.lm.hf.PretrainedModel;

/** A model measured on a dataset's real responses: loss per token and mean log-probability. */
public final class ModelEvaluation {
    private ModelEvaluation() {
    }

    /**
     * {@code eval_loss} (mean negative log-likelihood per response token), {@code eval_logps/real}
     * (mean summed log-prob per response) and {@code eval_perplexity}, with the truncation and
     * template settings of {@code config}.
     */
    public static Map<String, Double> realResponses(PretrainedModel model, List<Example> examples,
                                                    TrainingConfig config) {
        PairBuilder builder = new PairBuilder(model, config, TrainingListener.NONE, new Cancellation());
        List<ScoredPair> pairs = builder.realOnly(List.of(), examples);
        Map<String, Double> metrics = new java.util.LinkedHashMap<>(
                Evaluation.sftMetrics(Evaluation.reward(model, pairs, config.batchSize(), TrainingListener.NONE, 0, () -> { })));
        metrics.put("eval_perplexity", Math.exp(metrics.get("eval_loss")));
        return metrics;
    }
}
