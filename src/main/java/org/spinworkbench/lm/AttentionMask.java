package org.spinworkbench.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * The additive attention mask: 0 where a query may attend to a key (the key is real and not in
 * the query's future, and on the query's branch when the sequence branches), -1e9 elsewhere,
 * added to the scores before the softmax.
 */
final class AttentionMask {
    private final NDArray blockedPenalty; // 1e9, long-lived like the weights: see DJL_NOTES trap 1

    AttentionMask(NDManager manager) {
        this.blockedPenalty = manager.create(1e9f);
    }

    /**
     * The mask for T new tokens at positions past..past+T-1 of a sequence whose S keys are
     * real where {@code keyMask} (B, S) is 1; (B, 1, T, S).
     */
    NDArray bias(NDArray keyMask, long past, long steps) {
        return additive(orderedAndReal(keyMask, past, steps));
    }

    /**
     * The mask of T tokens, none cached, of sequences that branch after a shared prefix:
     * {@code branches} (B, T) is 0 on the prefix and b > 0 on branch b. A token sees the real
     * tokens before it on the prefix and on its own branch, never another branch's, so each
     * branch is computed as if it alone followed the prefix; (B, 1, T, T).
     */
    NDArray branched(NDArray keyMask, NDArray branches) {
        long rows = branches.getShape().get(0);
        long steps = branches.getShape().get(1);
        NDArray keyBranch = branches.reshape(rows, 1, 1, steps);                              // (B, 1, 1, T)
        NDArray queryBranch = branches.reshape(rows, 1, steps, 1);                            // (B, 1, T, 1)
        NDArray sameBranch = keyBranch.eq(0).logicalOr(keyBranch.eq(queryBranch));           // (B, 1, T, T)
        return additive(orderedAndReal(keyMask, 0, steps).logicalAnd(sameBranch));
    }

    /** Whether each query may see each key by order and padding alone: (B, 1, T, S) boolean. */
    private static NDArray orderedAndReal(NDArray keyMask, long past, long steps) {
        NDManager local = keyMask.getManager();
        long total = keyMask.getShape().get(1);
        NDArray queryIndex = local.arange((int) past, (int) (past + steps)).reshape(steps, 1); // (T, 1)
        NDArray keyIndex = local.arange(0, (int) total).reshape(1, total);                    // (1, S)
        NDArray causal = keyIndex.lte(queryIndex).reshape(1, 1, steps, total);                // (1, 1, T, S)
        NDArray real = keyMask.toType(DataType.BOOLEAN, false)
                .reshape(keyMask.getShape().get(0), 1, 1, total);                             // (B, 1, 1, S)
        return causal.logicalAnd(real);                                                       // (B, 1, T, S)
    }

    private NDArray additive(NDArray allowed) {
        return allowed.toType(DataType.FLOAT32, false).sub(1f).mul(blockedPenalty);          // 0 or -1e9
    }
}
