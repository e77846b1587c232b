package org.spinworkbench.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spinworkbench.lm.ComputeDevice;
import org.spinworkbench.runs.MergedBase;
import org.spinworkbench.runs.RunOutcome;
import org.spinworkbench.runs.RunService;
import org.spinworkbench.runs.RunSpec;
import org.spinworkbench.runs.job.ClusterJobExport;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.SpinLossKind;
import org.spinworkbench.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code spin}: a whole self-play run, recorded in the workspace; {@code spin --resume RUN} continues one. */
@Command(name = "spin", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Self-play fine-tuning: each iteration generates synthetic responses with the current model,"
                + " then trains the next model to prefer the real responses over them.",
            "Progress and results land in the workspace; a killed run continues with --resume RUN."})
public final class SpinCommand implements Callable<Integer> {
    @Option(names = "--resume", paramLabel = "RUN", description = "Continue run RUN from its last checkpoint.")
    Long resume;

    @Option(names = "--model", paramLabel = "DIR", description = "Base model folder (Hugging Face layout).")
    String model;

    @Option(names = "--adapter", paramLabel = "DIR", description = "A PEFT LoRA adapter folder for --model: the run's"
            + " base is the model with the adapter merged in (saved once in the project's base-models/).")
    Path adapter;

    @Mixin
    DataOptions data;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "" + TrainingConfig.DEFAULT_ITERATIONS, description = "Default: ${DEFAULT-VALUE}.")
    int iterations;

    @Option(names = "--beta", paramLabel = "B", defaultValue = "" + TrainingConfig.DEFAULT_BETA,
            description = "Scale of the implicit reward. Default: ${DEFAULT-VALUE}.")
    double beta;

    @Option(names = "--loss", paramLabel = "sigmoid|hinge", defaultValue = "sigmoid",
            description = "Default: ${DEFAULT-VALUE}.")
    String loss;

    @Option(names = "--max-new-tokens", paramLabel = "M", defaultValue = "" + TrainingConfig.DEFAULT_MAX_NEW_TOKENS,
            description = "Most tokens of each synthetic response. Default: ${DEFAULT-VALUE}.")
    int maxNewTokens;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "" + TrainingConfig.DEFAULT_TEMPERATURE,
            description = "Sampling temperature of synthetic responses (0: greedy). Default: ${DEFAULT-VALUE}.")
    double temperature;

    @Option(names = "--top-p", paramLabel = "P", defaultValue = "" + TrainingConfig.DEFAULT_TOP_P, description = "Default: ${DEFAULT-VALUE}.")
    double topP;

    @Option(names = "--mix-previous", description = "Also train iteration t on iteration t-1's pairs.")
    boolean mixPrevious;

    @Option(names = "--use-data-generated", description = "Iteration 1 trains on the synthetic responses the data carries.")
    boolean useDataGenerated;

    @Mixin
    TrainingOptions training;

    @Mixin
    DeviceOptions device;

    @Option(names = "--job", paramLabel = "DIR",
            description = "Record the run, make iteration 1's pairs here and write it as a cluster job in DIR (the SPIN"
                    + " reference, accelerate + DeepSpeed) instead of training here; bring it back with import --job"
                    + " DIR.")
    java.nio.file.Path job;

    @Option(names = "--gpus", paramLabel = "N", defaultValue = "8",
            description = "GPUs of the node the --job runs on. Default: ${DEFAULT-VALUE}.")
    int gpus;

    @Option(names = "--json", description = "End with one JSON line: {\"run\", \"iterations\": [{\"iteration\", \"metrics\", \"checkpoint\"}]}.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final WorkspaceOption workspace;

    public SpinCommand(WorkspaceOption workspace) {
        this.workspace = workspace;
    }

    @Override
    public Integer call() throws IOException {
        ComputeDevice compute = device.select();
        try (RunSession session = RunSession.open(spec, workspace, compute)) {
            RunService runs = session.runs();
            int total = resume != null ? iterationsOf(session.workspace(), resume) : iterations;
            TerminalReporter reporter = session.reporter(total);
            session.status().println("device: " + compute.describe());
            if (job != null) {
                return handOff(runs, session.workspace(), reporter);
            }
            RunOutcome outcome = resume != null ? runs.resume(resume, reporter, session.cancellation())
                    : runs.start(newSpec(session.workspace()), reporter, session.cancellation());
            return report(outcome, session);
        }
    }

    /** {@code --job}: the run recorded, its first iteration written as a cluster job. */
    private int handOff(RunService runs, Workspace open, TerminalReporter reporter) throws IOException {
        if (resume != null) {
            throw new ParameterException(spec.commandLine(), "--job starts a new run; for run " + resume
                    + " use export --run " + resume + " --iteration N --job DIR.");
        }
        long run = runs.prepare(newSpec(open), reporter).run().id();
        ClusterJobExport.Written written = new ClusterJobExport(open, runs.device()).write(run, 1, job, gpus, reporter);
        spec.commandLine().getOut().println("Run " + run + " recorded; iteration 1 written as a cluster job to "
                + written.folder() + " (" + written.trainPairs() + " training and " + written.testPairs()
                + " held-out pairs). Run its launch.sh or sbatch.sh, then import --job " + written.folder() + ".");
        return 0;
    }

    private RunSpec newSpec(Workspace open) throws IOException {
        if (model == null || data.data == null) {
            throw new ParameterException(spec.commandLine(), "spin needs --model DIR and --data FILE (or --resume RUN)");
        }
        Path base = Path.of(model);
        if (adapter != null) {
            base = MergedBase.of(open, data.project, base, adapter);
            spec.commandLine().getErr().println("base: " + model + " with the adapter " + adapter + " merged, in " + base);
        }
        TrainingConfig config = training.config(TrainingConfig.builder()
                .setKind(TrainingConfig.Kind.SPIN)
                .optIterations(iterations)
                .optBeta(beta)
                .optLoss(SpinLossKind.valueOf(loss.toUpperCase(Locale.ROOT)))
                .optMaxNewTokens(maxNewTokens)
                .optTemperature(temperature)
                .optTopP(topP)
                .optMixPrevious(mixPrevious)
                .optUseDataGenerated(useDataGenerated));
        return data.spec(base, config);
    }

    private static int iterationsOf(Workspace open, long run) {
        return open.runs().findById(run).map(r -> RunSpec.fromJson(r.configJson()).training().iterations()).orElse(0);
    }

    private int report(RunOutcome outcome, RunSession session) {
        if (session.reportUnfinished(outcome)) {
            session.status().println("Run " + outcome.runId() + " completed.");
        }
        if (json) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("run", outcome.runId());
            summary.put("status", RunSession.statusName(outcome));
            List<Map<String, Object>> iterations = outcome.iterations().stream().map(i -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("iteration", i.iteration());
                row.put("metrics", i.metrics());
                row.put("checkpoint", i.checkpoint().toString());
                return row;
            }).toList();
            summary.put("iterations", iterations);
            session.printJson(summary);
        } else {
            for (RunOutcome.IterationSummary iteration : outcome.iterations()) {
                session.out().printf(Locale.ROOT, "iteration %d  loss %s  eval_loss %s  rewards/margins %s  %s%n",
                        iteration.iteration(), number(iteration.metrics().get("loss")),
                        number(iteration.metrics().get("eval_loss")),
                        number(iteration.metrics().get("rewards/margins")), iteration.checkpoint());
            }
        }
        return RunSession.exitCode(outcome);
    }

    static String number(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }
}
