package org.spinworkbench.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs work and its outcome right away on the calling thread: view models become synchronous in tests. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }
}
