package org.spinworkbench.ui.dashboard;

import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import org.spinworkbench.ui.common.TaskExecutor;

/**
 * The threads a dashboard works with (see {@link DashboardViewModel}'s threading contract).
 *
 * @param store       reads the workspace and writes files, with outcomes on the FX thread
 * @param fx          the FX thread ({@code Platform::runLater}) in the application
 * @param chartWriter writes the chart data sets, one write after another, never on the FX thread
 * @param nanoClock   {@code System::nanoTime} outside tests, for the time left and the speed
 */
public record DashboardThreads(TaskExecutor store, Executor fx, Executor chartWriter, LongSupplier nanoClock) {
}
