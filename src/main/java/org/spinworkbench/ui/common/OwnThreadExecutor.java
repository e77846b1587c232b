package org.spinworkbench.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.spinworkbench.ui.common.TaskExecutor;

/**
 * Runs each task on a new daemon thread and hands its outcome to the FX thread: for exports,
 * which may write gigabytes, and cluster jobs, which may make pairs for minutes, so the shared
 * store worker is never held up behind one.
 */
public final class OwnThreadExecutor implements TaskExecutor {
    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        Thread thread = new Thread(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Exception e) {
                Platform.runLater(() -> onFailure.accept(e));
            } catch (Error e) {
                // the dialog must not wait forever on an export that died; the error still reaches the thread
                Platform.runLater(() -> onFailure.accept(new IllegalStateException(e.toString(), e)));
                throw e;
            }
        }, "spin-workbench-export");
        thread.setDaemon(true);
        thread.start();
    }
}
