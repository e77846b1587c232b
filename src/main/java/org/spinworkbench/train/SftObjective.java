package org.spinworkbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.spinworkbench.lm.Scorer;

/** Supervised fine-tuning: maximise the log-likelihood of the real responses. */
final class SftObjective implements TrainingObjective {
    private final Scorer scorer;
    private final List<ScoredPair> pairs;

    SftObjective(Scorer scorer, List<ScoredPair> pairs) {
        this.scorer = scorer;
        this.pairs = List.copyOf(pairs);
    }

    @Override
    public int size() {
        return pairs.size();
    }

    @Override
    public Result loss(List<Integer> examples, NDManager manager) {
        List<int[]> prompts = new ArrayList<>();
        List<int[]> responses = new ArrayList<>();
        int[] counts = new int[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            ScoredPair pair = pairs.get(examples.get(i));
            prompts.add(pair.promptTokens());
            responses.add(pair.realTokens());
            counts[i] = pair.realTokens().length;
        }
        NDArray sums = scorer.responseLogProbs(prompts, responses, manager);         // (B)
        NDArray value = SftLoss.loss(sums, counts, manager);
        double meanLogp = 0;
        for (float sum : sums.toFloatArray()) {
            meanLogp += sum / counts.length;
        }
        return new Result(value, Map.of("logps/real", meanLogp));
    }
}
