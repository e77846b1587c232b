package org.spinworkbench.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import java.util.Arrays;

/**
 * The keys and values of every layer for the tokens seen so far, so that each generation
 * step computes attention for the new tokens only. Owns its arrays: they survive the
 * per-step scope and are freed when the cache closes.
 */
public final class KvCache implements AutoCloseable {
    private final NDManager manager;
    private final NDArray[] keys;   // per layer (B, nKV, S, hD)
    private final NDArray[] values; // per layer (B, nKV, S, hD)

    public KvCache(NDManager parent, int layers) {
        this.manager = parent.newSubManager();
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
    }

    /** Tokens cached so far (S). */
    public long length() {
        return keys[0] == null ? 0 : keys[0].getShape().get(2);
    }

    /**
     * Appends the new tokens' keys and values (B, nKV, T, hD) of one layer and returns the
     * whole sequence's (B, nKV, S + T, hD).
     */
    KeyValues append(int layer, NDArray newKeys, NDArray newValues) {
        keys[layer] = extend(keys[layer], newKeys);
        values[layer] = extend(values[layer], newValues);
        return new KeyValues(keys[layer], values[layer]);
    }

    /** Keeps only the batch rows {@code rows} (in that order) of every layer's keys and values. */
    void keepRows(int[] rows) {
        try (NDManager indices = manager.newSubManager()) {
            NDArray index = indices.create(Arrays.stream(rows).asLongStream().toArray());
            for (int layer = 0; layer < keys.length; layer++) {
                if (keys[layer] != null) {
                    keys[layer] = replace(keys[layer], keys[layer].get(new NDIndex("{}", index)));
                    values[layer] = replace(values[layer], values[layer].get(new NDIndex("{}", index)));
                }
            }
        }
    }

    private NDArray replace(NDArray old, NDArray kept) {
        kept.attach(manager);
        old.close();
        return kept;
    }

    private NDArray extend(NDArray cached, NDArray added) {
        NDArray whole = cached == null ? added.duplicate() : cached.concat(added, 2);
        NDScope.unregister(whole);
        whole.attach(manager);
        if (cached != null) {
            cached.close();
        }
        return whole;
    }

    record KeyValues(NDArray keys, NDArray values) {
    }

    @Override
    public void close() {
        manager.close();
    }
}
