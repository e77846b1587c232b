package org.spinworkbench.cli;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.spinworkbench.lm.ProcessMemory;
import org.spinworkbench.train.Phase;
import org.spinworkbench.train.TrainingListener;

/**
 * Shows a run on the terminal: a {@link ProgressBar} with ETA for the current phase, and a line
 * per finished iteration. Without a terminal (a pipe, a log file) it prints a line per phase
 * instead of the bar.
 */
final class TerminalReporter implements TrainingListener {
    private final PrintWriter out;
    private final ProgressBar bar;
    private final int iterations;
    private String lastLoss = "";
    private final Map<Phase, Long> phaseStarts = new EnumMap<>(Phase.class);
    private long evaluatedAt;
    private String evaluation = "";

    TerminalReporter(PrintWriter out, ProgressBar bar, int iterations) {
        this.out = out;
        this.bar = bar;
        this.iterations = iterations;
    }

    /** A reporter for a run of {@code iterations}, with a bar when {@code out} goes to a terminal. */
    static TerminalReporter onConsole(PrintWriter out, int iterations) {
        return new TerminalReporter(out, ProgressBar.onConsole(out), iterations);
    }

    @Override
    public void phaseStarted(int iteration, Phase phase) {
        phaseStarts.put(phase, System.nanoTime());
        bar.clear();
        String label = String.format(Locale.ROOT, "iteration %d/%d %-10s", iteration, iterations, name(phase));
        bar.start(label);
        if (!bar.terminal()) {
            out.printf(Locale.ROOT, "iteration %d/%d: %s%n", iteration, iterations, name(phase));
            out.flush();
        }
    }

    @Override
    public void progress(int iteration, Phase phase, int done, int total) {
        bar.update(done, total, phase == Phase.TRAINING ? " " + lastLoss : "");
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
        bar.clear();
        long finished = System.nanoTime();
        StringBuilder times = new StringBuilder();
        Phase[] phases = Phase.values();
        for (int i = 0; i < phases.length; i++) {
            Long start = phaseStarts.get(phases[i]);
            if (start == null) {
                continue; // a phase a resumed iteration did not need to redo
            }
            long end = phases[i] == Phase.EVALUATING ? evaluatedAt : nextStart(phases, i, evaluatedAt);
            times.append(String.format(Locale.ROOT, "%s %.1f s, ", name(phases[i]), (end - start) / 1e9));
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
        bar.clear();
        out.println(message);
        out.flush();
    }

    private static String name(Phase phase) {
        return phase.name().toLowerCase(Locale.ROOT);
    }
}
