package org.spinworkbench.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;

/**
 * log p(response | prompt): the sum of the log-probabilities of the response tokens, each
 * predicted from everything before it. The primitive of SPIN training (with gradients) and
 * of the compare view (without).
 */
public final class Scorer {
    private final LlamaModel model;
    private final int padId;

    public Scorer(LlamaModel model, int padId) {
        this.model = model;
        this.padId = padId;
    }

    /**
     * Per-sequence sums over response tokens, (B), in {@code manager}; part of the autograd
     * graph when the calling thread's gradient mode is on. Sequences are right-padded.
     */
    public NDArray responseLogProbs(List<int[]> prompts, List<int[]> responses, NDManager manager) {
        int rows = prompts.size();
        List<int[]> sequences = new ArrayList<>(rows);
        for (int row = 0; row < rows; row++) {
            if (prompts.get(row).length == 0) {
                throw new IllegalArgumentException("A prompt needs at least one token.");
            }
            sequences.add(concat(prompts.get(row), responses.get(row)));
        }
        PaddedBatch batch = PaddedBatch.right(sequences, padId);
        int length = batch.length();
        if (length < 2) {
            return manager.zeros(new Shape(rows));
        }
        long[] targets = new long[rows * (length - 1)];    // token t+1, predicted at column t
        float[] inResponse = new float[rows * (length - 1)];
        for (int row = 0; row < rows; row++) {
            int promptLength = prompts.get(row).length;
            int end = promptLength + responses.get(row).length;
            for (int column = 0; column < length - 1; column++) {
                targets[row * (length - 1) + column] = batch.ids()[row * length + column + 1];
                boolean predictsResponse = column + 1 >= promptLength && column + 1 < end;
                inResponse[row * (length - 1) + column] = predictsResponse ? 1f : 0f;
            }
        }
        NDArray hidden = model.forward(batch.ids(manager), batch.positions(manager), batch.mask(manager), null);
        NDArray logits = model.logits(hidden.get(":, :{}, :", length - 1));         // (B, L-1, V)
        NDArray logProbs = logits.logSoftmax(-1);                                    // (B, L-1, V)
        NDArray picked = logProbs.gather(manager.create(targets, new Shape(rows, length - 1, 1)), 2)
                .reshape(rows, length - 1);                                          // (B, L-1)
        NDArray mask = manager.create(inResponse, new Shape(rows, length - 1));
        return picked.mul(mask).sum(new int[] {1});                                  // (B)
    }

    /** The same sums as plain numbers, computed without a graph. */
    public double[] score(List<int[]> prompts, List<int[]> responses) {
        JniUtils.setGradMode(false);
        try (NDManager work = model.manager().newSubManager(); NDScope scope = new NDScope()) {
            float[] sums = responseLogProbs(prompts, responses, work).toFloatArray();
            double[] result = new double[sums.length];
            for (int i = 0; i < sums.length; i++) {
                result[i] = sums[i];
            }
            return result;
        }
    }

    private static int[] concat(int[] prompt, int[] response) {
        int[] whole = new int[prompt.length + response.length];
        System.arraycopy(prompt, 0, whole, 0, prompt.length);
        System.arraycopy(response, 0, whole, prompt.length, response.length);
        return whole;
    }
}
