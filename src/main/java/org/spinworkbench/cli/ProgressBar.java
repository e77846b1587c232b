package org.spinworkbench.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The command line's one progress bar: {@code label [#####.......] done/total  ETA m:ss suffix}
 * on one terminal line, redrawn in place; it draws nothing where output goes to a pipe or a file.
 * The ETA counts from the first update after {@link #start}, so work resumed part-way does not
 * make it look faster than it is.
 */
final class ProgressBar {
    private static final int WIDTH = 24;

    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private String label = "";
    private long started;
    private int first = -1;
    private int drawn;

    ProgressBar(PrintWriter out, boolean terminal, LongSupplier nanoTime) {
        this.out = out;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
    }

    /** Drawn only when this process writes to a terminal. */
    static ProgressBar onConsole(PrintWriter out) {
        return new ProgressBar(out, System.console() != null, System::nanoTime);
    }

    boolean terminal() {
        return terminal;
    }

    /** A new bar: what is being done, and the clock its ETA counts from. */
    void start(String label) {
        this.label = label;
        started = nanoTime.getAsLong();
        first = -1;
    }

    /** Redraws the bar at {@code done} of {@code total}; {@code suffix} follows the ETA (a loss, or ""). */
    void update(int done, int total, String suffix) {
        if (!terminal || total <= 0) {
            return;
        }
        if (first < 0) {
            first = done;
        }
        int filled = (int) Math.round((double) WIDTH * Math.min(done, total) / total);
        double elapsed = (nanoTime.getAsLong() - started) / 1e9;
        int progressed = done - first;
        String eta = progressed > 0 ? duration(elapsed / progressed * (total - done)) : "--:--";
        String line = String.format(Locale.ROOT, "%s [%s%s] %d/%d  ETA %s%s", label, "#".repeat(filled),
                ".".repeat(WIDTH - filled), done, total, eta, suffix);
        out.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
        out.flush();
        drawn = line.length();
    }

    /** Blanks the bar's line, so that a whole line can be printed there. */
    void clear() {
        if (terminal && drawn > 0) {
            out.print("\r" + " ".repeat(drawn) + "\r");
            out.flush();
            drawn = 0;
        }
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    static String duration(double seconds) {
        long whole = Math.round(seconds);
        return whole >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
                : String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
    }
}
