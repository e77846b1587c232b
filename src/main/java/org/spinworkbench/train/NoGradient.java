package org.spinworkbench.train;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Turns the calling thread's gradient recording off until closed, then restores what it was.
 * Optimiser arithmetic runs under it: in-place updates of leaf parameters must not be
 * recorded (PyTorch refuses them), and ops without a graph may take Java scalars safely (the
 * scalar's temporary tensor is only read while the op runs; DJL_NOTES.md trap 1 is about
 * backward reading it later). Grad mode is per thread (trap 3).
 */
final class NoGradient implements AutoCloseable {
    private final boolean previous;

    NoGradient() {
        previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
    }

    @Override
    public void close() {
        JniUtils.setGradMode(previous);
    }
}
