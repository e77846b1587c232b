package org.spinworkbench.train;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request to stop, honoured at the next step boundary; the run stays resumable. An
 * interrupt of the training thread is such a request too: the run saves its checkpoint and
 * ends as cancelled instead of running on until some file write trips over the interrupt.
 */
public final class Cancellation {
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean tookInterrupt = new AtomicBoolean();

    public void request() {
        requested.set(true);
    }

    /** Whether a stop was asked for, from any thread. */
    public boolean requested() {
        return requested.get();
    }

    /**
     * Asked by the training thread at each boundary: whether to stop there. An interrupt of
     * that thread is taken as the request and cleared, so the checkpoint written on the way
     * out is not cut off by it; {@link #restoreInterrupt} raises it again once the run has ended.
     */
    public boolean stopHere() {
        if (Thread.interrupted()) {
            tookInterrupt.set(true);
            requested.set(true);
        }
        return requested.get();
    }

    /** Interrupts the calling thread again if {@link #stopHere} took its interrupt: whoever interrupted it sees it. */
    public void restoreInterrupt() {
        if (tookInterrupt.getAndSet(false)) {
            Thread.currentThread().interrupt();
        }
    }
}
