package org.spinworkbench.lm.hf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.spinworkbench.lm.Batches;
import org.spinworkbench.lm.Scorer;

/** log p(response | prompt) of text pairs, formatted as in training, scored in batches. */
public final class TextScorer {
    private final PretrainedModel model;
    private final Scorer scorer;

    public TextScorer(PretrainedModel model) {
        this.model = model;
        this.scorer = new Scorer(model.network(), model.padTokenId());
    }

    /** Scores in input order. */
    public List<ResponseScore> score(List<PromptResponse> pairs, boolean raw, int batchSize) {
        List<TokenPair> tokens = pairs.stream().map(p -> model.pairTokens(p.prompt(), p.response(), raw)).toList();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).prompt().length == 0) {
                throw new IllegalArgumentException("Prompt " + (i + 1) + " is empty.");
            }
        }
        ResponseScore[] scores = new ResponseScore[pairs.size()];
        for (int[] batch : Batches.byLength(tokens, t -> t.prompt().length + t.response().length, batchSize)) {
            List<int[]> prompts = new ArrayList<>();
            List<int[]> responses = new ArrayList<>();
            for (int index : batch) {
                prompts.add(tokens.get(index).prompt());
                responses.add(tokens.get(index).response());
            }
            double[] logps = scorer.score(prompts, responses);
            for (int row = 0; row < batch.length; row++) {
                scores[batch[row]] = new ResponseScore(logps[row], responses.get(row).length);
            }
        }
        return Arrays.asList(scores);
    }
}
