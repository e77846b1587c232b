package org.spinworkbench.train;

import java.util.concurrent.atomic.AtomicBoolean;

/** A request to stop, honoured at the next step boundary; the run stays resumable. */
public final class Cancellation {
    private final AtomicBoolean requested = new AtomicBoolean();

    public void request() {
        requested.set(true);
    }

    public boolean requested() {
        return requested.get();
    }
}
