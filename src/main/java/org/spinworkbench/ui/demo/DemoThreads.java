package org.spinworkbench.ui.demo;

import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * The threads the demo works with.
 *
 * @param runner    runs the whole demo: a new thread per run ({@link DemoViewModel#dedicatedThread()}) in the
 *                  application
 * @param fx        the FX thread ({@code Platform::runLater}) in the application
 * @param nanoClock {@code System::nanoTime} outside tests, for the time left
 */
public record DemoThreads(Executor runner, Executor fx, LongSupplier nanoClock) {
}
