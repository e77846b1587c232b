package org.spinworkbench.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * Batched autoregressive generation with a KV cache. Prompts are left-padded so that every
 * row's next token is the last column; after the prompt pass, each step feeds one token per
 * row and attends over the cache.
 */
public final class Generator {
    private final LlamaModel model;
    private final Set<Integer> eosIds;
    private final int padId;

    public Generator(LlamaModel model, Set<Integer> eosIds, int padId) {
        this.model = model;
        this.eosIds = Set.copyOf(eosIds);
        this.padId = padId;
    }

    /** Continues each prompt; prompt i of the list is sequence {@code firstIndex + i} of the input. */
    public List<GeneratedTokens> generate(List<int[]> prompts, SamplingOptions options, long firstIndex) {
        return generate(prompts, options, LongStream.range(firstIndex, firstIndex + prompts.size()).toArray());
    }

    /**
     * Continues each prompt. {@code sequenceIndices[i]} is prompt i's index in the whole input
     * and seeds its sampler, so a prompt's sample does not depend on the batch it is in.
     */
    public List<GeneratedTokens> generate(List<int[]> prompts, SamplingOptions options, long[] sequenceIndices) {
        if (sequenceIndices.length != prompts.size()) {
            throw new IllegalArgumentException("one sequence index per prompt");
        }
        for (int[] prompt : prompts) {
            if (prompt.length == 0) {
                throw new IllegalArgumentException("A prompt needs at least one token.");
            }
        }
        JniUtils.setGradMode(false); // per thread: inference records no graph
        int rows = prompts.size();
        TokenSampler[] samplers = new TokenSampler[rows];
        List<List<Integer>> generated = new ArrayList<>();
        boolean[] finished = new boolean[rows];
        boolean[] stoppedAtEos = new boolean[rows];
        for (int row = 0; row < rows; row++) {
            samplers[row] = new TokenSampler(options, sequenceIndices[row]);
            generated.add(new ArrayList<>());
        }
        PaddedBatch prompt = PaddedBatch.left(prompts, padId);
        try (NDManager work = model.manager().newSubManager();
             KvCache cache = new KvCache(work, model.config().numHiddenLayers(),
                     prompt.length() + Math.max(1, options.maxNewTokens()))) {
            long[] mask = prompt.mask();
            long[] nextPosition = new long[rows];
            for (int row = 0; row < rows; row++) {
                nextPosition[row] = prompts.get(row).length;
            }
            int[] next;
            try (NDScope scope = new NDScope()) {
                NDArray hidden = model.forward(prompt.ids(work), prompt.positions(work), prompt.mask(work), cache);
                next = choose(lastLogits(hidden), samplers);
            }
            int columns = prompt.length();
            int[] active = IntStream.range(0, rows).toArray(); // the rows still in the batch, by batch position
            TokenSampler[] activeSamplers = samplers;
            for (int step = 0; step < options.maxNewTokens(); step++) {
                boolean anyRunning = false;
                for (int b = 0; b < active.length; b++) {
                    int row = active[b];
                    if (options.stopAtEos() && eosIds.contains(next[b])) {
                        finished[row] = true;
                        stoppedAtEos[row] = true;
                        continue;
                    }
                    generated.get(row).add(next[b]);
                    anyRunning = true;
                }
                if (!anyRunning || step == options.maxNewTokens() - 1) {
                    break;
                }
                // finished rows leave the batch: no more compute, and their cache is freed
                int[] keep = running(active, finished);
                if (keep.length < active.length) {
                    cache.keepRows(keep);
                    mask = keepRows(mask, columns, keep);
                    nextPosition = keepRows(nextPosition, 1, keep);
                    next = pick(next, keep);
                    active = pick(active, keep);
                    activeSamplers = new TokenSampler[active.length];
                    for (int b = 0; b < active.length; b++) {
                        activeSamplers[b] = samplers[active[b]];
                    }
                }
                int batch = active.length;
                mask = appendColumnOfOnes(mask, batch, columns);
                columns++;
                long[] ids = Arrays.stream(next).asLongStream().toArray();
                try (NDScope scope = new NDScope()) {
                    NDArray hidden = model.forward(
                            work.create(ids, new Shape(batch, 1)),
                            work.create(nextPosition.clone(), new Shape(batch, 1)),
                            work.create(mask, new Shape(batch, columns)),
                            cache);
                    next = choose(lastLogits(hidden), activeSamplers);
                }
                for (int b = 0; b < batch; b++) {
                    nextPosition[b]++;
                }
            }
        }
        List<GeneratedTokens> results = new ArrayList<>(rows);
        for (int row = 0; row < rows; row++) {
            int[] tokens = generated.get(row).stream().mapToInt(Integer::intValue).toArray();
            results.add(new GeneratedTokens(tokens, stoppedAtEos[row]));
        }
        return results;
    }

    /** (B, T, H) hidden states → (B, V) logits of each row's last token. */
    private NDArray lastLogits(NDArray hidden) {
        long length = hidden.getShape().get(1);
        NDArray last = hidden.get(":, {}:, :", length - 1);                         // (B, 1, H)
        NDArray logits = model.logits(last);                                         // (B, 1, V)
        return logits.reshape(logits.getShape().get(0), logits.getShape().get(2));   // (B, V)
    }

    private static int[] choose(NDArray logits, TokenSampler[] samplers) {
        int rows = samplers.length;
        int vocabulary = (int) logits.getShape().get(1);
        int[] tokens = new int[rows];
        if (samplers.length > 0 && samplersAreGreedy(samplers)) {
            long[] best = logits.argMax(1).toLongArray();
            for (int row = 0; row < rows; row++) {
                tokens[row] = (int) best[row];
            }
            return tokens;
        }
        float[] values = logits.toFloatArray();
        for (int row = 0; row < rows; row++) {
            tokens[row] = samplers[row].sample(values, row * vocabulary, vocabulary);
        }
        return tokens;
    }

    private static boolean samplersAreGreedy(TokenSampler[] samplers) {
        return samplers[0].greedy();
    }

    /** The batch positions whose rows have not finished. */
    private static int[] running(int[] active, boolean[] finished) {
        return IntStream.range(0, active.length).filter(b -> !finished[active[b]]).toArray();
    }

    private static int[] pick(int[] values, int[] keep) {
        int[] kept = new int[keep.length];
        for (int i = 0; i < keep.length; i++) {
            kept[i] = values[keep[i]];
        }
        return kept;
    }

    /** The rows {@code keep} of a row-major (rows, columns) array. */
    private static long[] keepRows(long[] values, int columns, int[] keep) {
        long[] kept = new long[keep.length * columns];
        for (int i = 0; i < keep.length; i++) {
            System.arraycopy(values, keep[i] * columns, kept, i * columns, columns);
        }
        return kept;
    }

    private static long[] appendColumnOfOnes(long[] mask, int rows, int columns) {
        long[] wider = new long[rows * (columns + 1)];
        for (int row = 0; row < rows; row++) {
            System.arraycopy(mask, row * columns, wider, row * (columns + 1), columns);
            wider[row * (columns + 1) + columns] = 1;
        }
        return wider;
    }
}
