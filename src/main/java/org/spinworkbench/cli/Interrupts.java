package org.spinworkbench.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.spinworkbench.train.Cancellation;

/**
 * Ctrl+C during a run: ask it to stop at the next step boundary and give it time to save a
 * checkpoint and record how it ended, before the JVM exits.
 */
final class Interrupts implements AutoCloseable {
    private static final long GRACE_SECONDS = 120;

    private final Thread hook;
    private final CountDownLatch finished = new CountDownLatch(1);

    private Interrupts(Cancellation cancellation) {
        this.hook = new Thread(() -> {
            cancellation.request();
            try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cancel-run-on-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    static Interrupts cancelOnCtrlC(Cancellation cancellation) {
        return new Interrupts(cancellation);
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting because of Ctrl+C; the hook is what let the run finish
        }
    }
}
