package org.spinworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.spinworkbench.runs.GlobalSteps;
import org.spinworkbench.runs.MetricCsv;
import org.spinworkbench.runs.MetricHistory;
import org.spinworkbench.runs.MetricRow;
import org.spinworkbench.runs.RunFolders;
import org.spinworkbench.runs.RunLogFile;
import org.spinworkbench.store.Project;
import org.spinworkbench.store.Run;
import org.spinworkbench.store.RunListing;
import org.spinworkbench.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code runs list}, {@code runs metrics RUN} and {@code runs log RUN}: the runs recorded in the workspace. */
@Command(name = "runs", description = "The runs recorded in the workspace.", mixinStandardHelpOptions = true)
public final class RunsCommand {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final WorkspaceOption workspace;

    @Spec
    CommandSpec spec;

    public RunsCommand(WorkspaceOption workspace) {
        this.workspace = workspace;
    }

    @Command(name = "list", description = "List runs, newest first within each project.", mixinStandardHelpOptions = true)
    int list(@Option(names = "--project", paramLabel = "NAME", description = "Only this project's runs.") String project) {
        try (Workspace open = workspace.open()) {
            List<RunListing> runs = open.runs().listAll();
            if (project != null) {
                Project chosen = open.projects().find(project).orElseThrow(() ->
                        new IllegalArgumentException("No project named \"" + project + "\" in " + open.folder() + "."));
                runs = runs.stream().filter(r -> r.run().projectId() == chosen.id()).toList();
            }
            if (runs.isEmpty()) {
                spec.commandLine().getOut().println("No runs yet. Start one with: spin-workbench spin --model DIR --data FILE");
                return 0;
            }
            TextTable table = new TextTable("RUN", "PROJECT", "KIND", "STATUS", "ITERATIONS", "CREATED", "MESSAGE");
            for (RunListing listing : runs) {
                var run = listing.run();
                table.row(String.valueOf(run.id()), listing.projectName(), run.kind().name().toLowerCase(Locale.ROOT),
                        run.status().name().toLowerCase(Locale.ROOT),
                        String.valueOf(RunFolders.of(open, run).lastCompletedIteration()), DATE.format(run.createdAt()),
                        run.message() == null ? "" : run.message());
            }
            table.print(spec.commandLine().getOut());
            return 0;
        }
    }

    /** The columns of {@code runs metrics} without {@code --csv}: the SPIN objective, then the held-out scores. */
    static final List<String> HEADLINE = List.of("loss", "rewards/margins", "rewards/accuracies", "eval_loss",
            "eval_rewards/margins", "eval_rewards/accuracies", "eval_accuracy");

    @Command(name = "metrics", description = "Print a run's metrics: each iteration's last training values and its"
            + " held-out scores, or with --csv every recorded point (metric,iteration,step,global_step,value).",
            mixinStandardHelpOptions = true)
    int metrics(@Parameters(paramLabel = "RUN", description = "The run's number (see runs list).") long runId,
                @Option(names = "--csv", description = "Every point of every metric as CSV, as the dashboard"
                        + " exports it.") boolean csv) throws IOException {
        try (Workspace open = workspace.open()) {
            open.runs().findById(runId).orElseThrow(() ->
                    new IllegalArgumentException("No run " + runId + " in " + open.folder() + "."));
            MetricHistory history = MetricHistory.load(open, runId, new GlobalSteps());
            PrintWriter out = spec.commandLine().getOut();
            if (csv) {
                MetricCsv.write(out, history.all());
                out.flush();
                return 0;
            }
            Map<Integer, Map<String, Double>> last = new TreeMap<>();
            for (MetricRow row : history.all()) {
                last.computeIfAbsent(row.iteration(), i -> new HashMap<>()).put(row.metric(), row.value());
            }
            if (last.isEmpty()) {
                out.println("Run " + runId + " has recorded no metrics yet.");
                return 0;
            }
            List<String> columns = HEADLINE.stream()
                    .filter(name -> last.values().stream().anyMatch(values -> values.containsKey(name))).toList();
            List<String> header = new ArrayList<>(List.of("ITERATION"));
            header.addAll(columns);
            TextTable table = new TextTable(header.toArray(String[]::new));
            last.forEach((iteration, values) -> {
                List<String> cells = new ArrayList<>(List.of(iteration == 0 ? "base" : Integer.toString(iteration)));
                columns.forEach(name -> cells.add(values.containsKey(name)
                        ? String.format(Locale.ROOT, "%.4f", values.get(name)) : "-"));
                table.row(cells.toArray(String[]::new));
            });
            table.print(out);
            return 0;
        }
    }

    @Command(name = "log", description = "Print a run's log: every start, resume and iteration, and how it ended.",
            mixinStandardHelpOptions = true)
    int log(@Parameters(paramLabel = "RUN", description = "The run's number (see runs list).") long runId)
            throws IOException {
        try (Workspace open = workspace.open()) {
            Run run = open.runs().findById(runId).orElseThrow(() ->
                    new IllegalArgumentException("No run " + runId + " in " + open.folder() + "."));
            List<String> lines = RunLogFile.read(RunFolders.of(open, run).root());
            if (lines.isEmpty()) {
                spec.commandLine().getOut().println("Run " + runId + " has no saved log.");
            }
            lines.forEach(spec.commandLine().getOut()::println);
            return 0;
        }
    }
}
