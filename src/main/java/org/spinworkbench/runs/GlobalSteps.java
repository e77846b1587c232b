package org.spinworkbench.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns an iteration's own step count (each iteration counts its optimiser steps from 1) into
 * the run's global step, the x axis of every curve: iteration t starts where iteration t-1
 * ended. An iteration's length is learned from its points and from the training progress,
 * which announces the total before the first step. Iteration 0 is the base model, at step 0.
 * Thread-safe: the history loader and the training thread both teach it.
 */
public final class GlobalSteps {
    private final TreeMap<Integer, Long> lengths = new TreeMap<>();

    /** Iteration {@code iteration} has at least {@code steps} steps. */
    public synchronized void learn(int iteration, long steps) {
        if (iteration >= 1) {
            lengths.merge(iteration, steps, Math::max);
        }
    }

    /** The global step of step {@code step} of iteration {@code iteration}. */
    public synchronized long global(int iteration, long step) {
        return start(iteration) + step;
    }

    /** The global step after which iteration {@code iteration} begins. */
    public synchronized long start(int iteration) {
        long offset = 0;
        for (Map.Entry<Integer, Long> known : lengths.headMap(iteration).entrySet()) {
            offset += known.getValue();
        }
        return offset;
    }

    /** The global step at which iteration {@code iteration} ends (0 for the base model). */
    public synchronized long end(int iteration) {
        return iteration < 1 ? 0 : start(iteration) + lengths.getOrDefault(iteration, 0L);
    }

    /** The end of each of {@code iterations}, in order. */
    public synchronized List<Long> ends(List<Integer> iterations) {
        List<Long> ends = new ArrayList<>();
        for (int iteration : iterations) {
            ends.add(end(iteration));
        }
        return ends;
    }
}
