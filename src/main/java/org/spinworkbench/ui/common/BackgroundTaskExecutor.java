package org.spinworkbench.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The real {@link TaskExecutor}: one daemon worker thread, so store calls from the GUI run in
 * the order they were made; outcomes are posted back with {@link Platform#runLater}.
 */
public final class BackgroundTaskExecutor implements TaskExecutor, AutoCloseable {
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "spin-workbench-ui-worker");
        thread.setDaemon(true);
        return thread;
    });
    private final Executor fxThread;

    public BackgroundTaskExecutor() {
        this(Platform::runLater);
    }

    /** {@code fxThread} receives the outcome callbacks; tests pass their own. */
    public BackgroundTaskExecutor(Executor fxThread) {
        this.fxThread = fxThread;
    }

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        worker.execute(() -> {
            try {
                T result = work.call();
                fxThread.execute(() -> onSuccess.accept(result));
            } catch (Exception e) {
                fxThread.execute(() -> onFailure.accept(e));
            }
        });
    }

    /** Lets queued work finish (a few seconds at most) so nothing is cut off mid-write. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
