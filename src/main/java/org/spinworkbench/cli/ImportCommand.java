package org.spinworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.spinworkbench.runs.RunOutcome;
import org.spinworkbench.runs.job.ClusterJobImport;
import org.spinworkbench.store.RunStatus;
import org.spinworkbench.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code import --job DIR}: the iteration a cluster job trained, brought into its run. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Bring back the iteration a cluster job (export --job) trained: the trainer's curve from"
                + " output/trainer_state.json and its model (output/ or its latest checkpoint-*/) become the"
                + " iteration's, evaluated here; then resume the run or export its next job.")
public final class ImportCommand implements Callable<Integer> {
    @Option(names = "--job", paramLabel = "DIR", required = true, description = "The job folder, with output/ in it.")
    Path job;

    @Option(names = "--run", paramLabel = "ID",
            description = "The run to import into; the job's manifest names it, and a different one is refused.")
    Long run;

    @Mixin
    DeviceOptions device = new DeviceOptions();

    @Spec
    CommandSpec spec;

    private final WorkspaceOption workspace;

    public ImportCommand(WorkspaceOption workspace) {
        this.workspace = workspace;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter status = spec.commandLine().getErr();
        try (Workspace open = workspace.open()) {
            RunOutcome outcome = new ClusterJobImport(open, device.select().device())
                    .importJob(job, run, TerminalReporter.onConsole(status, 1));
            int imported = outcome.iterations().get(outcome.iterations().size() - 1).iteration();
            PrintWriter out = spec.commandLine().getOut();
            out.println("Imported iteration " + imported + " of run " + outcome.runId() + " from " + job + ".");
            if (outcome.status() == RunStatus.COMPLETED) {
                out.println("Run " + outcome.runId() + " is complete.");
            } else {
                out.println("Next: spin --resume " + outcome.runId() + " trains iteration " + (imported + 1)
                        + " here, or export --run " + outcome.runId() + " --iteration " + (imported + 1)
                        + " --job DIR hands it off again.");
            }
            return 0;
        }
    }
}
