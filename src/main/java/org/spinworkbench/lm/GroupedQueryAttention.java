package org.spinworkbench.lm;

import ai.djl.ndarray.NDArray;

/**
 * Scaled dot-product attention with grouped queries: key/value head j serves query heads
 * j·r … j·r + r − 1 (r = nH/nKV). The r query heads of a group are stacked along the query
 * axis, so no key or value is copied.
 */
final class GroupedQueryAttention {
    private GroupedQueryAttention() {
    }

    /**
     * @param q        (B, nH, T, hD) queries, rotated
     * @param k        (B, nKV, S, hD) keys, rotated
     * @param v        (B, nKV, S, hD) values
     * @param maskBias (B, 1, T, S) added to the scores: 0 where a key may be seen, -1e9 elsewhere
     * @param scale    1/sqrt(hD), a long-lived scalar (DJL_NOTES trap 1)
     * @return (B, T, nH*hD) the heads' outputs side by side
     */
    static NDArray apply(NDArray q, NDArray k, NDArray v, NDArray maskBias, NDArray scale) {
        long batch = q.getShape().get(0);
        long heads = q.getShape().get(1);
        long steps = q.getShape().get(2);
        long headDim = q.getShape().get(3);
        long kvHeads = k.getShape().get(1);
        long keys = k.getShape().get(2);
        long group = heads / kvHeads;
        NDArray grouped = q.reshape(batch, kvHeads, group * steps, headDim);          // (B, nKV, r*T, hD)
        NDArray scores = grouped.matMul(k.transpose(0, 1, 3, 2)).mul(scale)          // (B, nKV, r*T, S)
                .reshape(batch, kvHeads, group, steps, keys);                        // (B, nKV, r, T, S)
        NDArray bias = maskBias.reshape(batch, 1, 1, steps, keys);                   // (B, 1, 1, T, S)
        NDArray weightsOfKeys = scores.add(bias).softmax(-1)
                .reshape(batch, kvHeads, group * steps, keys);                       // (B, nKV, r*T, S)
        NDArray out = weightsOfKeys.matMul(v).reshape(batch, heads, steps, headDim); // (B, nH, T, hD)
        return out.transpose(0, 2, 1, 3).reshape(batch, steps, heads * headDim);      // (B, T, nH*hD)
    }
}
