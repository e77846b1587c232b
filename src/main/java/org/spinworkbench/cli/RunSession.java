package org.spinworkbench.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.spinworkbench.lm.ComputeDevice;
import org.spinworkbench.runs.RunOutcome;
import org.spinworkbench.runs.RunService;
import org.spinworkbench.store.RunStatus;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.Cancellation;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What every command that trains shares ({@code sft}, {@code spin}, {@code demo}): the open
 * workspace and its run service, Ctrl+C that cancels the run and lets it end properly, the
 * terminal reporter, the JSON summary line and the exit codes. Closing it flushes both
 * streams, closes the workspace and then lets a pending Ctrl+C end the JVM.
 */
final class RunSession implements AutoCloseable {
    private final PrintWriter out;
    private final PrintWriter status;
    private final Cancellation cancellation = new Cancellation();
    private final Interrupts interrupts;
    private final Workspace workspace;
    private final RunService runs;

    private RunSession(CommandSpec spec, WorkspaceOption workspace, ComputeDevice compute) {
        this.out = spec.commandLine().getOut();
        this.status = spec.commandLine().getErr();
        // Ctrl+C waits for the whole command: the outcome printed and the workspace closed
        this.interrupts = Interrupts.cancelOnCtrlC(cancellation);
        try {
            this.workspace = workspace.open();
        } catch (RuntimeException e) {
            interrupts.close();
            throw e;
        }
        this.runs = new RunService(this.workspace, compute.device());
    }

    static RunSession open(CommandSpec spec, WorkspaceOption workspace, ComputeDevice compute) {
        return new RunSession(spec, workspace, compute);
    }

    Workspace workspace() {
        return workspace;
    }

    RunService runs() {
        return runs;
    }

    Cancellation cancellation() {
        return cancellation;
    }

    /** Results: tables, the JSON line. */
    PrintWriter out() {
        return out;
    }

    /** Progress and how runs ended. */
    PrintWriter status() {
        return status;
    }

    /** A progress bar per phase on a terminal, a line per phase in a pipe, for a run of {@code iterations}. */
    TerminalReporter reporter(int iterations) {
        return TerminalReporter.onConsole(status, iterations);
    }

    /** The command's one JSON line. */
    void printJson(Object summary) {
        out.println(Output.JSON.toJson(summary));
    }

    /** Says how a run that did not complete ended, with its reason; true when it completed. */
    boolean reportUnfinished(RunOutcome outcome) {
        if (outcome.status() == RunStatus.COMPLETED) {
            return true;
        }
        status.println("Run " + outcome.runId() + " " + statusName(outcome) + ": " + outcome.message());
        return false;
    }

    static String statusName(RunOutcome outcome) {
        return outcome.status().name().toLowerCase(Locale.ROOT);
    }

    /** 0 for a completed run, 130 (as for SIGINT) for a cancelled one, 1 otherwise. */
    static int exitCode(RunOutcome outcome) {
        return switch (outcome.status()) {
            case COMPLETED -> 0;
            case CANCELLED -> 130;
            default -> 1;
        };
    }

    @Override
    public void close() {
        out.flush();
        status.flush();
        try {
            workspace.close();
        } finally {
            interrupts.close();
        }
    }
}
