package org.spinworkbench.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.function.Supplier;

/**
 * Work whose intermediate arrays are freed as soon as it returns, while its result lives on:
 * the one place the model code opens a scope and hands a result out of it.
 */
final class Scoped {
    private Scoped() {
    }

    /** Runs {@code work} in a scope of its own; the result belongs to the caller's scope, if any. */
    static NDArray keep(Supplier<NDArray> work) {
        NDArray result = detached(work);
        NDScope.register(result);
        return result;
    }

    /** As {@link #keep}, but the result belongs to no scope: the caller attaches it where it lives. */
    static NDArray detached(Supplier<NDArray> work) {
        NDArray result;
        try (NDScope scope = new NDScope()) {
            result = work.get();
            NDScope.unregister(result);
        }
        return result;
    }
}
