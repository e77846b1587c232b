package org.spinworkbench.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Two responses to each prompt, packed one pair a row (B, L): the prompt, then the first
 * response, then the second, right-padded. Both responses take the positions that follow the
 * prompt, and {@link #branches} (0 on the prompt, 1 and 2 on the responses) keeps the second
 * from seeing the first ({@link LlamaModel#forwardBranched}); so each response is computed as
 * if it alone followed its prompt, while the prompt goes through the model once for both.
 *
 * @param ids       (B, L) token ids, {@code padId} after the row's last token
 * @param mask      (B, L) 1 on real tokens
 * @param positions (B, L) each token's position in its own prompt + response
 * @param branches  (B, L) 0 on the prompt and padding, 1 on the first response, 2 on the second
 */
record SharedPromptBatch(long[] ids, long[] mask, long[] positions, long[] branches, int rows, int length) {
    static final long PROMPT = 0;
    static final long FIRST = 1;
    static final long SECOND = 2;

    static SharedPromptBatch of(List<int[]> prompts, List<int[]> firsts, List<int[]> seconds, int padId) {
        int rows = prompts.size();
        if (firsts.size() != rows || seconds.size() != rows) {
            throw new IllegalArgumentException("every prompt needs two responses: " + rows + " prompts, "
                    + firsts.size() + " first and " + seconds.size() + " second responses");
        }
        int length = 0;
        for (int row = 0; row < rows; row++) {
            length = Math.max(length, prompts.get(row).length + firsts.get(row).length + seconds.get(row).length);
        }
        long[] ids = new long[rows * length];
        long[] mask = new long[rows * length];
        long[] positions = new long[rows * length];
        long[] branches = new long[rows * length];
        for (int row = 0; row < rows; row++) {
            int at = row * length;
            int[] prompt = prompts.get(row);
            at = place(prompt, 0, PROMPT, at, ids, mask, positions, branches);
            at = place(firsts.get(row), prompt.length, FIRST, at, ids, mask, positions, branches);
            at = place(seconds.get(row), prompt.length, SECOND, at, ids, mask, positions, branches);
            for (int end = (row + 1) * length; at < end; at++) {
                ids[at] = padId;
                positions[at] = at > row * length ? positions[at - 1] : 0; // the last real position again
            }
        }
        return new SharedPromptBatch(ids, mask, positions, branches, rows, length);
    }

    /** Writes {@code tokens} from index {@code at} on branch {@code branch}, positions from {@code first}; returns the next index. */
    private static int place(int[] tokens, int first, long branch, int at, long[] ids, long[] mask, long[] positions,
                             long[] branches) {
        for (int i = 0; i < tokens.length; i++, at++) {
            ids[at] = tokens[i];
            mask[at] = 1;
            positions[at] = first + i;
            branches[at] = branch;
        }
        return at;
    }

    NDArray ids(NDManager manager) {
        return manager.create(ids, new Shape(rows, length));
    }

    NDArray mask(NDManager manager) {
        return manager.create(mask, new Shape(rows, length));
    }

    NDArray positions(NDManager manager) {
        return manager.create(positions, new Shape(rows, length));
    }

    NDArray branches(NDManager manager) {
        return manager.create(branches, new Shape(rows, length));
    }
}
