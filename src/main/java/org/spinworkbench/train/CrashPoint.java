package org.spinworkbench.train;

/**
 * The places where a run publishes a file before recording it in the workspace, which a test
 * can turn into a crash that behaves as kill -9 there: nothing after the point runs, and no
 * catch block of the run sees it (an {@link Error}, not an exception), so the database is left
 * exactly as the dead process would leave it. Unarmed, reaching a point does nothing.
 */
public enum CrashPoint {
    /** An iteration's {@code model/} folder is published; its checkpoint row is not yet written. */
    MODEL_PUBLISHED,
    /** A resumable {@code state-K} folder is published; its checkpoint row is not yet written. */
    STATE_PUBLISHED;

    private static volatile CrashPoint armed;

    /** The next time the run reaches {@code point}, it stops there (once). Tests only. */
    public static void arm(CrashPoint point) {
        armed = point;
    }

    public static void disarm() {
        armed = null;
    }

    void reach() {
        if (armed == this) {
            armed = null;
            throw new SimulatedCrash(this);
        }
    }

    /** Thrown where an armed point is reached. */
    public static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash(CrashPoint point) {
            super("simulated crash at " + point);
        }
    }
}
