package org.spinworkbench.runs;

import ai.djl.Device;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.spinworkbench.lm.ComputeDevice;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.Cancellation;

/**
 * The runs training in this process, for a window that starts runs and shows them live. One
 * run trains at a time: the engine allows one gradient recorder per process, and two runs
 * would halve each other's speed on a laptop CPU anyway.
 *
 * <p>Each run trains on a thread of its own, never the caller's. Its events reach the
 * listeners added to its {@link LiveRun} on that thread.
 */
public final class LiveRuns {
    private final Workspace workspace;
    private final Supplier<RunService> services;
    private LiveRun current;
    private final List<Consumer<LiveRun>> onStart = new CopyOnWriteArrayList<>();

    /** {@code services} makes the run service on the run's own thread (choosing a device starts the engine). */
    public LiveRuns(Workspace workspace, Supplier<RunService> services) {
        this.workspace = workspace;
        this.services = services;
    }

    public Workspace workspace() {
        return workspace;
    }

    /** Tells {@code listener} of every run started or resumed here, on the calling thread, as it starts. */
    public void onStart(Consumer<LiveRun> listener) {
        onStart.add(listener);
    }

    /**
     * Starts a new run of {@code spec}. The returned run's {@link LiveRun#runId()} completes
     * once the run is recorded (or exceptionally, when the model or data is refused).
     *
     * @throws IllegalStateException while another run is training
     */
    public LiveRun start(RunSpec spec) {
        return start(spec, new Cancellation());
    }

    /** Starts a new run that {@code cancellation} stops, as {@link #start(RunSpec)}. */
    public synchronized LiveRun start(RunSpec spec, Cancellation cancellation) {
        requireIdle();
        current = LiveRun.start(listener -> service(listener).prepare(spec, listener), spec.project(), cancellation);
        onStart.forEach(listener -> listener.accept(current));
        return current;
    }

    /**
     * Continues {@code runId} (of {@code project}) from its last checkpoint.
     *
     * @throws IllegalStateException while another run is training
     */
    public synchronized LiveRun resume(long runId, String project) {
        requireIdle();
        current = LiveRun.resume(runId, listener -> service(listener), project);
        onStart.forEach(listener -> listener.accept(current));
        return current;
    }

    /** The run training now, if it is {@code runId}. */
    public synchronized Optional<LiveRun> find(long runId) {
        if (current == null || current.finished() || !current.runId().isDone()
                || current.runId().isCompletedExceptionally() || current.runId().join() != runId) {
            return Optional.empty();
        }
        return Optional.of(current);
    }

    /** The run training now, whichever it is. */
    public synchronized Optional<LiveRun> active() {
        return current == null || current.finished() ? Optional.empty() : Optional.of(current);
    }

    /** Asks the active run, if any, to stop at its next step (the window is closing). */
    public synchronized CompletableFuture<?> cancelActive() {
        if (current == null || current.finished()) {
            return CompletableFuture.completedFuture(null);
        }
        current.cancel();
        return current.outcome();
    }

    /** Where this window's runs compute, for work beside them (a cluster job's pairs). */
    public Device device() {
        return services.get().device();
    }

    private RunService service(LiveRun listener) {
        RunService service = services.get();
        listener.log("Device: " + ComputeDevice.current(service.device()).describe());
        return service;
    }

    private void requireIdle() {
        if (current != null && !current.finished()) {
            throw new IllegalStateException("A run is already training in this window; wait for it to end or"
                    + " cancel it first.");
        }
    }
}
