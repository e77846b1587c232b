package org.spinworkbench.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.spinworkbench.lm.Batches;
import org.spinworkbench.lm.Scorer;
import org.spinworkbench.lm.hf.PretrainedModel;

/**
 * The log-probs of both responses of every pair under one model: pairs of similar length
 * batched together, each pair one row whose prompt the real and the synthetic response share
 * ({@link Scorer#pairLogProbs}).
 * The opponent's scoring (reference) and the trained model's (policy) both go through here.
 */
record PairScores(double[] real, double[] synthetic) {
    /**
     * @param beforeBatch called before each batch (a cancellation check may throw there)
     * @param afterBatch  called after each batch with the number of pairs scored so far
     */
    static PairScores of(PretrainedModel model, List<ScoredPair> pairs, int batchSize, Runnable beforeBatch,
                         IntConsumer afterBatch) {
        double[] real = new double[pairs.size()];
        double[] synthetic = new double[pairs.size()];
        Scorer scorer = new Scorer(model.network(), model.padTokenId());
        int done = 0;
        for (int[] batch : Batches.byLength(pairs, p -> p.promptTokens().length + p.realTokens().length
                + p.syntheticTokens().length, batchSize)) {
            beforeBatch.run();
            List<int[]> prompts = new ArrayList<>();
            List<int[]> reals = new ArrayList<>();
            List<int[]> synthetics = new ArrayList<>();
            for (int index : batch) {
                prompts.add(pairs.get(index).promptTokens());
                reals.add(pairs.get(index).realTokens());
                synthetics.add(pairs.get(index).syntheticTokens());
            }
            double[] scores = scorer.scorePairs(prompts, reals, synthetics);   // (2B): real rows, then synthetic
            for (int row = 0; row < batch.length; row++) {
                real[batch[row]] = scores[row];
                synthetic[batch[row]] = scores[batch.length + row];
            }
            done += batch.length;
            afterBatch.accept(done);
        }
        return new PairScores(real, synthetic);
    }
}
