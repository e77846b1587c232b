package org.spinworkbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spinworkbench.lm.LlamaModel;
import org.spinworkbench.lm.Scorer;

/** {@code --nll-alpha}: the SPIN loss plus α times the real responses' mean token NLL, logged as TRL's nll_loss. */
class SpinObjectiveNllTest {
    @Test
    void theNllTermIsAlphaTimesTheMeanTokenNllOfTheRealResponses() {
        SpinBatch batch = SpinBatch.sample();
        try (LlamaModel model = TrainingModels.create(3, DataType.FLOAT32);
             SpinLoss loss = new SpinLoss(SpinLossKind.SIGMOID, 0.1, model.manager());
             NDManager step = model.manager().newSubManager()) {
            float[][] reference = batch.referenceLogProbs(model);
            List<ScoredPair> pairs = new ArrayList<>();
            for (int i = 0; i < batch.prompts().size(); i++) {
                // the reference a little below the policy, so the SPIN term is not at its symmetric point
                pairs.add(ScoredPair.unscored(new ScoredPair.Place(false, i), new ScoredPair.Texts("p", "r", "s"),
                        batch.prompts().get(i), batch.real().get(i), batch.generated().get(i))
                        .withReference(reference[0][i] - 0.5, reference[1][i] + 0.25));
            }
            Scorer scorer = new Scorer(model, 0);
            List<Integer> all = List.of(0, 1, 2, 3);

            TrainingObjective.Result plain = new SpinObjective(scorer, pairs, loss, 0.1, 0).loss(all, step);
            TrainingObjective.Result withNll = new SpinObjective(scorer, pairs, loss, 0.1, 0.7).loss(all, step);

            double realSum = 0;
            int tokens = 0;
            for (int i = 0; i < 4; i++) {
                realSum += reference[0][i];
                tokens += batch.real().get(i).length;
            }
            double nll = -realSum / tokens;
            assertEquals(nll, withNll.metrics().get("nll_loss"), 1e-4);
            assertEquals(plain.loss().getFloat() + 0.7 * nll, withNll.loss().getFloat(), 1e-4);
            assertFalse(plain.metrics().containsKey("nll_loss"), "the paper's SPIN logs no NLL");
        }
    }
}
