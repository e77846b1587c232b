package org.spinworkbench.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * log p(response | prompt): the sum of the log-probabilities of the response tokens, each
 * predicted from everything before it. The primitive of SPIN training (with gradients) and
 * of the compare view (without).
 */
public final class Scorer {
    private final LlamaModel model;
    private final int padId;
    private final int chunkRows;

    public Scorer(LlamaModel model, int padId) {
        this(model, padId, chunkRows(model.config().vocabSize()));
    }

    /** {@code chunkRows}: how many positions are projected onto the vocabulary at once. */
    Scorer(LlamaModel model, int padId, int chunkRows) {
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunkRows must be at least 1, found " + chunkRows);
        }
        this.model = model;
        this.padId = padId;
        this.chunkRows = chunkRows;
    }

    /**
     * Per-sequence sums over response tokens, (B), in {@code manager}; part of the autograd
     * graph when the calling thread's gradient mode is on. Sequences are right-padded.
     *
     * <p>Only the N positions that predict a response token are projected onto the
     * vocabulary, and at most {@link #chunkRows(int)} of them at a time: the logits never span the
     * prompts or the padding, which at a 152 k vocabulary is most of their size.
     */
    public NDArray responseLogProbs(List<int[]> prompts, List<int[]> responses, NDManager manager) {
        int rows = prompts.size();
        List<int[]> sequences = new ArrayList<>(rows);
        int responseTokens = 0;
        for (int row = 0; row < rows; row++) {
            if (prompts.get(row).length == 0) {
                throw new IllegalArgumentException("A prompt needs at least one token.");
            }
            sequences.add(concat(prompts.get(row), responses.get(row)));
            responseTokens += responses.get(row).length;
        }
        if (responseTokens == 0) {
            return manager.zeros(new Shape(rows));
        }
        PaddedBatch batch = PaddedBatch.right(sequences, padId);
        int length = batch.length();
        long[] positions = new long[responseTokens];  // row * L + column: the column predicting each response token
        long[] targets = new long[responseTokens];    // the response token itself
        float[] owner = new float[rows * responseTokens]; // (B, N) one-hot: which row each response token is in
        int n = 0;
        for (int row = 0; row < rows; row++) {
            int promptLength = prompts.get(row).length;
            int[] response = responses.get(row);
            for (int i = 0; i < response.length; i++) {
                positions[n] = (long) row * length + promptLength + i - 1;
                targets[n] = response[i];
                owner[row * responseTokens + n] = 1f;
                n++;
            }
        }
        NDArray hidden = model.forward(batch.ids(manager), batch.positions(manager), batch.mask(manager), null);
        NDArray flat = hidden.reshape(rows * (long) length, hidden.getShape().get(2));  // (B*L, H)
        NDArray predicting = flat.get(new NDIndex("{}", manager.create(positions)));    // (N, H)
        NDArray rowOf = manager.create(owner, new Shape(rows, responseTokens))
                .toType(predicting.getDataType(), false);                                // (B, N)
        if (model.checkpointingNow()) {
            return rowOf.matMul(recomputedInBackward(predicting, targets, manager)).reshape(rows); // (B)
        }
        return rowOf.matMul(pickedLogProbs(predicting, targets, chunkRows, manager)).reshape(rows); // (B)
    }

    /**
     * With gradient checkpointing, the head too is recomputed in backward: the response
     * tokens' log-probs (N, 1) are computed here without a graph and returned as a leaf; once
     * the loss's backward has left dL/d(log-prob) there, the deferred work recomputes the
     * vocabulary projection chunk by chunk, each with its graph, and carries the gradient into
     * the hidden states. Memory holds one chunk's logits, never all N × V.
     */
    private NDArray recomputedInBackward(NDArray predicting, long[] targets, NDManager manager) {
        NDArray hidden = predicting.stopGradient();                                      // (N, H), no graph
        hidden.setRequiresGradient(true);
        int chunk = recomputeChunkRows(model.config().vocabSize());
        NDArray logProbs;
        JniUtils.setGradMode(false);
        try {
            logProbs = pickedLogProbs(hidden, targets, chunk, manager);                  // (N, 1), no graph
        } finally {
            JniUtils.setGradMode(true);
        }
        logProbs.setRequiresGradient(true); // a leaf: the loss's backward leaves dL/d(log-prob) here
        model.deferBackward(collector -> {
            NDArray upstream = logProbs.getGradient();                                   // (N, 1)
            for (int from = 0; from < targets.length; from += chunk) {
                int to = Math.min(targets.length, from + chunk);
                try (NDScope chunkScope = new NDScope()) { // the chunk's logits go as soon as its backward is done
                    NDArray chunkLogProbs = pickedLogProbs(hidden, targets, from, to, manager); // (C, 1), with graph
                    collector.backward(chunkLogProbs.mul(upstream.get("{}:{}", from, to)).sum());
                }
            }
            collector.backward(predicting.mul(hidden.getGradient()).sum());             // on into the blocks' leaf
        });
        return logProbs;
    }

    /** log p of every target token, (N, 1), from their hidden states (N, H), {@code chunk} positions at a time. */
    private NDArray pickedLogProbs(NDArray hidden, long[] targets, int chunk, NDManager manager) {
        NDList picked = new NDList();
        for (int from = 0; from < targets.length; from += chunk) {
            picked.add(pickedLogProbs(hidden, targets, from, Math.min(targets.length, from + chunk), manager));
        }
        return picked.size() == 1 ? picked.singletonOrThrow() : NDArrays.concat(picked, 0);
    }

    /**
     * log p of the target tokens from {@code from} to {@code to}, (C, 1), from their hidden
     * states. The chunk's (C, V) logits are released on return (autograd keeps what its
     * backward needs), so chunks do not pile up until the caller's scope closes. The target ids
     * are made in the caller's scope instead: DJL hands PyTorch the Java buffer they were
     * created in, so autograd's reference to them does not keep their memory, and backward
     * reads them after the chunk's scope is gone.
     */
    private NDArray pickedLogProbs(NDArray hidden, long[] targets, int from, int to, NDManager manager) {
        NDArray ids = manager.create(Arrays.copyOfRange(targets, from, to), new Shape(to - from, 1)); // (C, 1)
        return Scoped.keep(() -> model.logits(hidden.get("{}:{}", from, to)).logSoftmax(-1)           // (C, V)
                .gather(ids, 1));                                                                   // (C, 1)
    }

    /** Positions a recomputed head projects at once: about 8 M logits (32 MB), at least one. */
    static int recomputeChunkRows(int vocabSize) {
        return Math.max(1, (1 << 23) / vocabSize);
    }

    /**
     * How many positions are projected onto the vocabulary at once: about 64 M logits
     * (256 MB of float32) a chunk, and at least one position.
     */
    static int chunkRows(int vocabSize) {
        return Math.max(1, (1 << 26) / vocabSize);
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
