package org.spinworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spinworkbench.lm.ComputeDevice;
import org.spinworkbench.runs.DemoRecipe;
import org.spinworkbench.runs.RunOutcome;
import org.spinworkbench.runs.RunService;
import org.spinworkbench.store.Evaluation;
import org.spinworkbench.store.RunStatus;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code demo}: the workshop demo, SPIN on the bundled weak model and tasks, then the summary table. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run SPIN on the bundled weak model and checkable tasks, then show each iteration's held-out"
                + " accuracy. Takes a few minutes on a laptop CPU; the run lands in the workspace.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--iterations", paramLabel = "N", defaultValue = "3", description = "Default: ${DEFAULT-VALUE}.")
    int iterations;

    @Option(names = "--sample-data", paramLabel = "DIR",
            description = "Folder holding demo-model/ and demo-tasks/ (found automatically when left out).")
    Path sampleData;

    @Mixin
    DeviceOptions device;

    @Option(names = "--json", description = "End with one JSON line: the run and each iteration's metrics.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final WorkspaceOption workspace;

    public DemoCommand(WorkspaceOption workspace) {
        this.workspace = workspace;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter status = spec.commandLine().getErr();
        Path data = sampleData != null ? sampleData : DemoRecipe.locateSampleData(DemoRecipe.applicationJar());
        ComputeDevice compute = device.select();
        status.println("device: " + compute.describe() + "; demo files: " + data);
        try (Workspace open = workspace.open()) {
            Cancellation cancellation = new Cancellation();
            RunOutcome outcome;
            long start = System.nanoTime();
            try (Interrupts interrupts = Interrupts.cancelOnCtrlC(cancellation)) {
                outcome = new RunService(open, compute.device()).start(DemoRecipe.spec(data, iterations),
                        new TerminalReporter(status, System.console() != null, iterations), cancellation);
            }
            double minutes = (System.nanoTime() - start) / 60e9;
            List<Evaluation> evaluations = open.evaluations().listByRun(outcome.runId());
            printTable(spec.commandLine().getOut(), evaluations);
            status.printf(Locale.ROOT, "Run %d %s in %.1f minutes.%n", outcome.runId(),
                    outcome.status().name().toLowerCase(Locale.ROOT), minutes);
            if (json) {
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("run", outcome.runId());
                summary.put("status", outcome.status().name().toLowerCase(Locale.ROOT));
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Evaluation evaluation : evaluations) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("iteration", evaluation.iteration());
                    row.put("metrics", evaluation.metrics());
                    rows.add(row);
                }
                summary.put("iterations", rows);
                spec.commandLine().getOut().println(Output.JSON.toJson(summary));
            }
            return outcome.status() == RunStatus.COMPLETED ? 0 : outcome.status() == RunStatus.CANCELLED ? 130 : 1;
        }
    }

    /** Held-out accuracy, overall and per task, of the base model and of each iteration's model. */
    static void printTable(PrintWriter out, List<Evaluation> evaluations) {
        List<String> tasks = List.of("add", "reverse", "sort", "convert", "capital");
        List<String> header = new ArrayList<>(List.of("MODEL", "ACCURACY"));
        tasks.forEach(task -> header.add(task.toUpperCase(Locale.ROOT)));
        header.add("EVAL_LOSS");
        header.add("MARGIN");
        TextTable table = new TextTable(header.toArray(String[]::new));
        for (Evaluation evaluation : evaluations) {
            Map<String, Double> metrics = evaluation.metrics();
            List<String> row = new ArrayList<>();
            row.add(evaluation.iteration() == 0 ? "base" : "iteration " + evaluation.iteration());
            row.add(percent(metrics.get("eval_accuracy")));
            tasks.forEach(task -> row.add(percent(metrics.get("eval_accuracy/" + task))));
            row.add(SpinCommand.number(metrics.get("eval_loss")));
            row.add(SpinCommand.number(metrics.get("eval_rewards/margins")));
            table.row(row.toArray(String[]::new));
        }
        table.print(out);
    }

    private static String percent(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.0f %%", 100 * value);
    }
}
