package org.spinworkbench.lm;

import ai.djl.engine.Engine;

/**
 * Seeds for the adapter's dropout, one optimiser step at a time: each block of each training
 * pass draws its units from a seed made of the step's, the pass and the block, so a resumed
 * step drops the same units, and a block recomputed for gradient checkpointing drops the same
 * units as its first run (checkpointing on or off gives the same gradients).
 */
final class DropoutSeeds {
    private long stepSeed;
    private int passesSinceSeed;

    void seedStep(long seed) {
        this.stepSeed = seed;
        this.passesSinceSeed = 0;
    }

    /** The number of this forward pass since the step's seed; 0 outside training. */
    int nextPass(boolean training) {
        return training ? passesSinceSeed++ : 0;
    }

    /** Seeds the engine's generator for block {@code layer} of pass {@code pass}. */
    void seedBlock(int pass, int layer) {
        long seed = (stepSeed * 1_000_003L + pass) * 1_000_003L + layer;
        Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)));
    }
}
