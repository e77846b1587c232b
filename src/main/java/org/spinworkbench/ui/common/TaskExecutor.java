package org.spinworkbench.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work that may block (store calls, file system) away from the FX thread and hands its
 * outcome back on the FX thread. View models take one through their constructor; tests pass
 * one that runs everything on the calling thread, so view models are tested without a window.
 */
public interface TaskExecutor {

    /**
     * Runs {@code work}, then exactly one of {@code onSuccess} (with its result) or
     * {@code onFailure} (with what it threw), both on the FX thread.
     */
    <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);
}
