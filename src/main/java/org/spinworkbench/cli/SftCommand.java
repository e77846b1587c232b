package org.spinworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spinworkbench.lm.ComputeDevice;
import org.spinworkbench.lm.hf.DType;
import org.spinworkbench.lm.hf.RandomModels;
import org.spinworkbench.runs.MergedBase;
import org.spinworkbench.runs.ModelExports;
import org.spinworkbench.runs.RunOutcome;
import org.spinworkbench.runs.RunService;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.SpinLossKind;
import org.spinworkbench.train.TrainingConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sft}: supervised fine-tuning on the real responses, from a model or from a fresh random one. */
@Command(name = "sft", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Supervised fine-tuning on the real responses of a dataset. Starts from --model, or from random"
                + " weights given --config (and --tokenizer). Recorded in the workspace as an SFT run.")
public final class SftCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Start start;

    static final class Start {
        @Option(names = "--model", paramLabel = "DIR", description = "Model folder to fine-tune.")
        Path model;

        @Option(names = "--config", paramLabel = "FILE", description = "config.json of a fresh random model.")
        Path config;
    }

    @Option(names = "--adapter", paramLabel = "DIR", description = "A PEFT LoRA adapter folder for --model: fine-tune"
            + " the model with the adapter merged in (saved once in the project's base-models/).")
    Path adapter;

    @Option(names = "--tokenizer", paramLabel = "DIR|byte-level", defaultValue = RandomModels.BYTE_LEVEL,
            description = "With --config: whose tokenizer to use. Default: ${DEFAULT-VALUE}.")
    String tokenizer;

    @Option(names = "--output", paramLabel = "DIR", required = true, description = "New folder for the trained model.")
    Path output;

    @Option(names = "--dtype", paramLabel = "F32|F16|BF16", defaultValue = "F32",
            description = "Weight type of the saved model. Default: ${DEFAULT-VALUE}.")
    String dtype;

    @Mixin
    DataOptions data;

    @Mixin
    TrainingOptions training;

    @Mixin
    DeviceOptions device;

    @Option(names = "--json", description = "End with one JSON line: {\"run\", \"metrics\", \"output\"}.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final WorkspaceOption workspace;

    public SftCommand(WorkspaceOption workspace) {
        this.workspace = workspace;
    }

    @Override
    public Integer call() throws IOException {
        if (data.data == null) {
            throw new IllegalArgumentException("sft needs --data FILE");
        }
        PrintWriter status = spec.commandLine().getErr();
        ComputeDevice compute = device.select();
        status.println("device: " + compute.describe());
        TrainingConfig config = training.config(TrainingConfig.builder()
                .setKind(TrainingConfig.Kind.SFT)
                .optIterations(1)
                .optBeta(0.1) // SFT trains no SPIN objective: beta, loss and sampling are recorded unused
                .optLoss(SpinLossKind.SIGMOID)
                .optMaxNewTokens(1)
                .optTemperature(0)
                .optTopP(1));
        try (RunSession session = RunSession.open(spec, workspace, compute)) {
            Workspace open = session.workspace();
            Path base = start.model != null ? start.model : randomModel(open, config.seed());
            if (adapter != null) {
                if (start.model == null) {
                    throw new IllegalArgumentException("--adapter needs the --model it was trained on.");
                }
                base = MergedBase.of(open, data.project, start.model, adapter);
                status.println("base: " + start.model + " with the adapter " + adapter + " merged, in " + base);
            }
            RunService runs = session.runs();
            RunOutcome outcome = runs.start(data.spec(base, config), session.reporter(1), session.cancellation());
            boolean completed = session.reportUnfinished(outcome);
            if (completed) {
                new ModelExports(session.workspace()).export(outcome.runId(), 1, output,
                        DType.valueOf(dtype.toUpperCase(Locale.ROOT)));
            }
            Map<String, Double> metrics = completed ? outcome.iterations().get(0).metrics() : null;
            if (json) {
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("run", outcome.runId());
                summary.put("status", RunSession.statusName(outcome));
                summary.put("metrics", metrics);
                summary.put("output", completed ? output.toAbsolutePath().toString() : null);
                session.printJson(summary);
            } else if (completed) {
                session.out().printf(Locale.ROOT, "Run %d: loss %s, eval_loss %s; model saved to %s%n",
                        outcome.runId(), SpinCommand.number(metrics.get("loss")),
                        SpinCommand.number(metrics.get("eval_loss")), output);
            }
            return RunSession.exitCode(outcome);
        }
    }

    /** A fresh random model in the project's folder, so the run can be resumed from the same start. */
    private Path randomModel(Workspace open, long seed) throws IOException {
        var project = open.projects().find(data.project).orElseGet(() -> open.projects().create(data.project, ""));
        String name = start.config.getFileName().toString().replaceAll("\\.json$", "") + "-seed" + seed + "-"
                + System.currentTimeMillis();
        Path target = open.projects().folderOf(project).resolve("base-models").resolve(name);
        RandomModels.create(start.config, tokenizer, seed, target, DType.F32);
        return target;
    }
}
