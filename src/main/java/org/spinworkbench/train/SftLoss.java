package org.spinworkbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** Supervised fine-tuning: the mean negative log-likelihood per response token of a batch. */
public final class SftLoss {
    private SftLoss() {
    }

    /**
     * −Σ log p(response tokens) / Σ response tokens, a scalar in the graph of the sums; every
     * token weighs the same, whatever its sequence's length (as a token-level cross-entropy).
     *
     * @param responseLogProbSums (B) per-sequence sums of response-token log-probs
     * @param responseTokenCounts the number of response tokens of each sequence
     * @param manager             holds the 1/count constant: keep it open until backward is done
     *                            (a Java scalar would be freed too early, DJL_NOTES.md trap 1)
     */
    public static NDArray loss(NDArray responseLogProbSums, int[] responseTokenCounts, NDManager manager) {
        if (responseLogProbSums.getShape().dimension() != 1
                || responseLogProbSums.getShape().get(0) != responseTokenCounts.length) {
            throw new IllegalArgumentException("need one token count per sequence: sums of shape "
                    + responseLogProbSums.getShape() + ", " + responseTokenCounts.length + " counts");
        }
        long tokens = 0;
        for (int count : responseTokenCounts) {
            if (count < 0) {
                throw new IllegalArgumentException("a token count cannot be negative, found " + count);
            }
            tokens += count;
        }
        if (tokens == 0) {
            throw new IllegalArgumentException("the batch has no response tokens");
        }
        // float64 (): against a (B) operand a 0-d array takes the vector's dtype
        NDArray minusOneOverTokens = manager.create(-1.0 / tokens);
        return responseLogProbSums.mul(minusOneOverTokens).sum();                   // ()
    }
}
