package org.spinworkbench.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Sequences of different lengths in one rectangle (B, L): token ids, a mask of real tokens,
 * and each token's position within its own sequence. Generation pads on the left so every
 * row's next token lands in the same column; scoring pads on the right.
 */
public record PaddedBatch(long[] ids, long[] mask, long[] positions, int rows, int length) {

    public static PaddedBatch left(List<int[]> sequences, int padId) {
        return pad(sequences, padId, true);
    }

    public static PaddedBatch right(List<int[]> sequences, int padId) {
        return pad(sequences, padId, false);
    }

    private static PaddedBatch pad(List<int[]> sequences, int padId, boolean left) {
        int rows = sequences.size();
        int length = sequences.stream().mapToInt(s -> s.length).max().orElse(0);
        long[] ids = new long[rows * length];
        long[] mask = new long[rows * length];
        long[] positions = new long[rows * length];
        for (int row = 0; row < rows; row++) {
            int[] sequence = sequences.get(row);
            int offset = left ? length - sequence.length : 0;
            for (int column = 0; column < length; column++) {
                int index = row * length + column;
                int inSequence = column - offset;
                boolean real = inSequence >= 0 && inSequence < sequence.length;
                ids[index] = real ? sequence[inSequence] : padId;
                mask[index] = real ? 1 : 0;
                positions[index] = Math.max(0, Math.min(inSequence, sequence.length - 1));
            }
        }
        return new PaddedBatch(ids, mask, positions, rows, length);
    }

    public NDArray ids(NDManager manager) {
        return manager.create(ids, new Shape(rows, length));
    }

    public NDArray mask(NDManager manager) {
        return manager.create(mask, new Shape(rows, length));
    }

    public NDArray positions(NDManager manager) {
        return manager.create(positions, new Shape(rows, length));
    }
}
