package org.spinworkbench.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * The keys and values of every layer for the tokens seen so far, so that each generation
 * step computes attention for the new tokens only. Each layer's buffer is allocated once, for
 * the whole generation ({@code capacity} tokens), and new tokens are written into it in place:
 * a step copies its own keys and values, not the whole cache. Owns its arrays: they survive
 * the per-step scope and are freed when the cache closes.
 */
public final class KvCache implements AutoCloseable {
    private final NDManager manager;
    private final int capacity;
    private final NDArray[] keys;   // per layer (B, nKV, capacity, hD), the first `filled` positions written
    private final NDArray[] values; // per layer (B, nKV, capacity, hD)
    private final int[] filled;     // per layer

    /** A cache for at most {@code capacity} tokens a row: the prompt's columns and every new token. */
    public KvCache(NDManager parent, int layers, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, found " + capacity);
        }
        this.manager = parent.newSubManager();
        this.capacity = capacity;
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
        this.filled = new int[layers];
    }

    /** Tokens cached so far (S). */
    public long length() {
        return filled[0];
    }

    /**
     * Writes the new tokens' keys and values (B, nKV, T, hD) of one layer after those cached
     * and returns the whole sequence's (B, nKV, S + T, hD), views of the buffers.
     */
    KeyValues append(int layer, NDArray newKeys, NDArray newValues) {
        int steps = Math.toIntExact(newKeys.getShape().get(2));
        int from = filled[layer];
        if (from + steps > capacity) {
            throw new IllegalStateException("the KV cache holds " + capacity + " tokens, not " + (from + steps));
        }
        if (keys[layer] == null) {
            keys[layer] = buffer(newKeys);
            values[layer] = buffer(newValues);
        }
        NDIndex written = new NDIndex(":, :, {}:{}", from, from + steps);
        keys[layer].set(written, newKeys);
        values[layer].set(written, newValues);
        filled[layer] = from + steps;
        NDIndex seen = new NDIndex(":, :, :{}", from + steps);
        return new KeyValues(keys[layer].get(seen), values[layer].get(seen));
    }

    private NDArray buffer(NDArray like) {
        Shape shape = like.getShape();
        NDArray buffer = manager.zeros(new Shape(shape.get(0), shape.get(1), capacity, shape.get(3)),
                like.getDataType());
        NDScope.unregister(buffer); // lives as long as the cache, not the step's scope
        return buffer;
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
        NDScope.unregister(kept);
        kept.attach(manager);
        old.close();
        return kept;
    }

    record KeyValues(NDArray keys, NDArray values) {
    }

    @Override
    public void close() {
        manager.close();
    }
}
