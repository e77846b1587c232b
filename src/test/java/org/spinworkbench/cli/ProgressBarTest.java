package org.spinworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.spinworkbench.train.Phase;

class ProgressBarTest {
    private final StringWriter written = new StringWriter();
    private final AtomicLong clock = new AtomicLong();

    private ProgressBar bar(boolean terminal) {
        return new ProgressBar(new PrintWriter(written), terminal, clock::get);
    }

    @Test
    void aTerminalBarIsRedrawnInPlaceWithAnEtaFromTheFirstUpdateAndClearedWhole() {
        ProgressBar bar = bar(true);
        bar.start("generating");
        clock.set(5_000_000_000L); // a resumed phase: 10 done before this process started
        bar.update(10, 40, "");
        clock.set(15_000_000_000L); // 15 s since the start for the 10 done here: 20 left take 30 s
        bar.update(20, 40, " loss 0.6931");
        bar.clear();

        String first = "generating [######..................] 10/40  ETA --:--";
        String second = "generating [############............] 20/40  ETA 0:30 loss 0.6931";
        assertEquals("\r" + first + "\r" + second + "\r" + " ".repeat(second.length()) + "\r", written.toString());
    }

    @Test
    void aShorterLineBlanksWhatTheLongerOneLeft() {
        ProgressBar bar = bar(true);
        bar.start("x");
        bar.update(1, 10, " loss 1.0000");
        String longer = "x [##......................] 1/10  ETA --:-- loss 1.0000";
        assertEquals("\r" + longer, written.toString());
        written.getBuffer().setLength(0);
        bar.update(2, 10, "");
        String line = "x [#####...................] 2/10  ETA 0:00";
        assertEquals("\r" + line + " ".repeat(longer.length() - line.length()), written.toString());
    }

    @Test
    void nothingIsDrawnForAPipe() {
        ProgressBar bar = bar(false);
        bar.start("generating");
        bar.update(3, 4, "");
        bar.clear();
        assertEquals("", written.toString());
    }

    @Test
    void durationsReadAsMinutesOrHours() {
        assertEquals("0:59", ProgressBar.duration(59.4));
        assertEquals("2:05", ProgressBar.duration(125));
        assertEquals("1:01:01", ProgressBar.duration(3661));
    }

    @Test
    void aReporterInAPipePrintsALinePerPhaseAndPerIteration() {
        TerminalReporter reporter = new TerminalReporter(new PrintWriter(written), bar(false), 2);
        reporter.phaseStarted(1, Phase.TRAINING);
        reporter.progress(1, Phase.TRAINING, 1, 4);
        reporter.stepMetrics(1, 1, Map.of("loss", 0.5));
        reporter.evaluated(1, 4, Map.of("eval_loss", 0.25));
        reporter.iterationFinished(1);

        String[] lines = written.toString().split("\n");
        assertEquals("iteration 1/2: training", lines[0]);
        assertEquals("iteration 1 done: loss 0.5000  eval_loss 0.2500", lines[1]);
        assertTrue(lines[2].startsWith("  time: training "), lines[2]);
        assertEquals(3, lines.length);
    }

    @Test
    void aReporterOnATerminalDrawsTheBarAndClearsItBeforeALine() {
        TerminalReporter reporter = new TerminalReporter(new PrintWriter(written), bar(true), 3);
        reporter.phaseStarted(2, Phase.GENERATING);
        reporter.progress(2, Phase.GENERATING, 0, 8);
        reporter.log("a note");

        String bar = "iteration 2/3 generating [........................] 0/8  ETA --:--";
        assertEquals("\r" + bar + "\r" + " ".repeat(bar.length()) + "\ra note\n", written.toString());
    }
}
