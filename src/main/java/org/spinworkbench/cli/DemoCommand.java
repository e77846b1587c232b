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
import org.spinworkbench.data.tasks.DemoTask;
import org.spinworkbench.lm.ComputeDevice;
import org.spinworkbench.runs.DemoRecipe;
import org.spinworkbench.runs.RunOutcome;
import org.spinworkbench.runs.RunService;
import org.spinworkbench.store.Evaluation;
import org.spinworkbench.store.RunStatus;
import org.spinworkbench.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code demo}: the workshop demo, SPIN on the bundled weak model and tasks, then the summary table. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run SPIN on the bundled weak model and checkable tasks, and continued SFT from the same base"
                + " with as many passes over the data (the control), then show the held-out accuracy of the base,"
                + " each SPIN iteration and the control. Takes a few minutes on a laptop CPU; both runs land in the"
                + " workspace.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--iterations", paramLabel = "N", defaultValue = "3", description = "Default: ${DEFAULT-VALUE}.")
    int iterations;

    @Option(names = "--sample-data", paramLabel = "DIR",
            description = "Folder holding demo-model/ and demo-tasks/ (found automatically when left out).")
    Path sampleData;

    @Mixin
    DeviceOptions device;

    @Option(names = "--json", description = "End with one JSON line: {\"run\", \"base\": {\"accuracy\"}, \"iterations\":"
            + " [{\"iteration\", \"accuracy\", \"checkpoint\"}], \"control\": {\"kind\": \"sft\", \"accuracy\","
            + " \"checkpoint\"}} (accuracy as a fraction).")
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
        try (RunSession session = RunSession.open(spec, workspace, compute)) {
            RunService runs = session.runs();
            Workspace open = session.workspace();
            RunOutcome control = null;
            long start = System.nanoTime();
            RunOutcome spin = runs.start(DemoRecipe.Arm.SPIN.spec(data, iterations), session.reporter(iterations),
                    session.cancellation());
            if (spin.status() == RunStatus.COMPLETED) {
                status.println("Control: continued SFT from the same base, " + iterations * DemoRecipe
                        .training(iterations).epochs() + " passes over the same data");
                control = runs.start(DemoRecipe.Arm.CONTROL.spec(data, iterations), session.reporter(1),
                        session.cancellation());
            }
            double minutes = (System.nanoTime() - start) / 60e9;
            List<Evaluation> evaluations = open.evaluations().listByRun(spin.runId());
            List<Evaluation> controlEvaluations = control == null ? List.of()
                    : open.evaluations().listByRun(control.runId()).stream().filter(e -> e.iteration() > 0).toList();
            printTable(session.out(), evaluations, controlEvaluations);
            RunOutcome last = control == null ? spin : control;
            status.printf(Locale.ROOT, "Runs %d (SPIN) and %s (continued SFT) %s in %.1f minutes.%n", spin.runId(),
                    control == null ? "-" : Long.toString(control.runId()), RunSession.statusName(last), minutes);
            if (json) {
                session.printJson(summary(spin, evaluations, control, controlEvaluations));
            }
            return RunSession.exitCode(last);
        }
    }

    /** The one JSON line: base, each SPIN iteration and the control, accuracy as a fraction, with their models. */
    static Map<String, Object> summary(RunOutcome spin, List<Evaluation> evaluations, RunOutcome control,
                                       List<Evaluation> controlEvaluations) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("run", spin.runId());
        Map<Integer, Double> accuracy = new LinkedHashMap<>();
        evaluations.forEach(e -> accuracy.put(e.iteration(), e.metrics().get("eval_accuracy")));
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("accuracy", accuracy.get(0));
        summary.put("base", base);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RunOutcome.IterationSummary iteration : spin.iterations()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("iteration", iteration.iteration());
            row.put("accuracy", accuracy.get(iteration.iteration()));
            row.put("checkpoint", iteration.checkpoint().toString());
            rows.add(row);
        }
        summary.put("iterations", rows);
        if (control != null && !control.iterations().isEmpty()) {
            Map<String, Object> arm = new LinkedHashMap<>();
            arm.put("kind", "sft");
            arm.put("accuracy", controlEvaluations.isEmpty() ? null
                    : controlEvaluations.get(controlEvaluations.size() - 1).metrics().get("eval_accuracy"));
            arm.put("checkpoint", control.iterations().get(control.iterations().size() - 1).checkpoint().toString());
            summary.put("control", arm);
        }
        return summary;
    }

    /** Held-out accuracy, overall and per task, of the base model, each iteration's model and the control. */
    static void printTable(PrintWriter out, List<Evaluation> evaluations, List<Evaluation> control) {
        List<String> tasks = DemoTask.idList();
        List<String> header = new ArrayList<>(List.of("MODEL", "ACCURACY"));
        tasks.forEach(task -> header.add(task.toUpperCase(Locale.ROOT)));
        header.add("EVAL_LOSS");
        header.add("MARGIN");
        TextTable table = new TextTable(header.toArray(String[]::new));
        List<Evaluation> all = new ArrayList<>(evaluations);
        all.addAll(control);
        for (Evaluation evaluation : all) {
            Map<String, Double> metrics = evaluation.metrics();
            List<String> row = new ArrayList<>();
            row.add(control.contains(evaluation) ? "continued SFT"
                    : evaluation.iteration() == 0 ? "base" : "iteration " + evaluation.iteration());
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
