package org.spinworkbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundTaskExecutorTest {
    @Test
    void runsWorkOffTheCallingThreadAndPostsTheResult() throws Exception {
        var posted = new CompletableFuture<String>();
        Thread caller = Thread.currentThread();
        try (var executor = new BackgroundTaskExecutor(Runnable::run)) {
            executor.execute(() -> {
                assertNotEquals(caller, Thread.currentThread());
                return Thread.currentThread().isDaemon() ? "daemon" : "not a daemon";
            }, posted::complete, posted::completeExceptionally);
            assertEquals("daemon", posted.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void aFailureReachesOnFailureOnly() throws Exception {
        var failure = new CompletableFuture<Exception>();
        try (var executor = new BackgroundTaskExecutor(Runnable::run)) {
            executor.execute(() -> {
                throw new IllegalStateException("boom");
            }, result -> failure.completeExceptionally(new AssertionError("success reported")), failure::complete);
            assertEquals("boom", failure.get(5, TimeUnit.SECONDS).getMessage());
        }
    }

    @Test
    void closeLetsQueuedWorkFinish() {
        var done = new StringBuffer();
        try (var executor = new BackgroundTaskExecutor(Runnable::run)) {
            for (int i = 0; i < 3; i++) {
                int n = i;
                executor.execute(() -> {
                    Thread.sleep(20);
                    return n;
                }, done::append, e -> { });
            }
        }
        assertEquals("012", done.toString());
    }
}
