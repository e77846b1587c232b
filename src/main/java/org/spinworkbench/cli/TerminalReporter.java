package org.spinworkbench.cli;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.spinworkbench.lm.ProcessMemory;
import org.spinworkbench.train.Phase;
import org.spinworkbench.train.TrainingListener;

/**
 * Shows a run on the terminal: a progress bar with ETA for the current phase, redrawn in
 * place, and a line per finished iteration. Without a terminal (a pipe, a log file) it
 * prints only the lines.
 */
final class TerminalReporter implements TrainingListener {
    private static final int BAR = 24;

    private final PrintWriter out;
    private final boolean terminal;
    private final int iterations;
    private long phaseStart;
    private int phaseFirst;
    private String lastLoss = "";
    private final Map<Phase, Long> phaseStarts = new EnumMap<>(Phase.class);
    private long evaluatedAt;
    private String evaluation = "";

    TerminalReporter(PrintWriter out, boolean terminal, int iterations) {
        this.out = out;
        this.terminal = terminal;
        this.iterations = iterations;
    }

    @Override
    public void phaseStarted(int iteration, Phase phase) {
        phaseStart = System.nanoTime();
        phaseStarts.put(phase, phaseStart);
        phaseFirst = -1;
        clearLine();
        if (!terminal) {
            out.printf(Locale.ROOT, "iteration %d/%d: %s%n", iteration, iterations, phase.name().toLowerCase(Locale.ROOT));
            out.flush();
        }
    }

    @Override
    public void progress(int iteration, Phase phase, int done, int total) {
        if (!terminal || total <= 0) {
            return;
        }
        if (phaseFirst < 0) {
            phaseFirst = done; // a resumed phase starts part-way: the ETA counts from here
        }
        int filled = (int) Math.round((double) BAR * done / total);
        double elapsed = (System.nanoTime() - phaseStart) / 1e9;
        int progressed = done - phaseFirst;
        String eta = progressed > 0 ? duration(elapsed / progressed * (total - done)) : "--:--";
        out.printf(Locale.ROOT, "\riteration %d/%d %-10s [%s%s] %d/%d  ETA %s %s", iteration, iterations,
                phase.name().toLowerCase(Locale.ROOT), "#".repeat(filled), ".".repeat(BAR - filled), done, total, eta,
                phase == Phase.TRAINING ? lastLoss : "");
        out.flush();
    }

    @Override
    public void stepMetrics(int iteration, long step, Map<String, Double> metrics) {
        Double loss = metrics.get("loss");
        lastLoss = loss == null ? "" : String.format(Locale.ROOT, " loss %.4f", loss);
    }

    @Override
    public void evaluated(int iteration, long step, Map<String, Double> metrics) {
        evaluatedAt = System.nanoTime();
        StringBuilder line = new StringBuilder();
        metrics.forEach((name, value) -> line.append(String.format(Locale.ROOT, "  %s %.4f", name, value)));
        evaluation = line.toString();
    }

    /** One line per iteration: its metrics, where its time went, and the process's memory after it. */
    @Override
    public void iterationFinished(int iteration) {
        clearLine();
        long finished = System.nanoTime();
        StringBuilder times = new StringBuilder();
        Phase[] phases = Phase.values();
        for (int i = 0; i < phases.length; i++) {
            Long start = phaseStarts.get(phases[i]);
            if (start == null) {
                continue; // a phase a resumed iteration did not need to redo
            }
            long end = phases[i] == Phase.EVALUATING ? evaluatedAt : nextStart(phases, i, evaluatedAt);
            times.append(String.format(Locale.ROOT, "%s %.1f s, ", phases[i].name().toLowerCase(Locale.ROOT),
                    (end - start) / 1e9));
        }
        times.append(String.format(Locale.ROOT, "saving %.1f s", (finished - evaluatedAt) / 1e9));
        out.println("iteration " + iteration + " done:" + lastLoss + evaluation);
        out.printf(Locale.ROOT, "  time: %s; resident memory %d MiB%n", times, ProcessMemory.residentMiB());
        out.flush();
        phaseStarts.clear();
    }

    private long nextStart(Phase[] phases, int index, long fallback) {
        for (int i = index + 1; i < phases.length; i++) {
            Long start = phaseStarts.get(phases[i]);
            if (start != null) {
                return start;
            }
        }
        return fallback;
    }

    @Override
    public void log(String message) {
        clearLine();
        out.println(message);
        out.flush();
    }

    private void clearLine() {
        if (terminal) {
            out.print("\r" + " ".repeat(100) + "\r");
        }
    }

    static String duration(double seconds) {
        long whole = Math.round(seconds);
        return whole >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
                : String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
    }
}
