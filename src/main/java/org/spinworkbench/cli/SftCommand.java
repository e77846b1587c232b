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
import org.spinworkbench.runs.RunOutcome;
import org.spinworkbench.runs.RunService;
import org.spinworkbench.runs.RunSpec;
import org.spinworkbench.store.RunStatus;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.Cancellation;
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
        TrainingConfig config = training.config(TrainingConfig.Kind.SFT, 1, 0.1, SpinLossKind.SIGMOID, 1, 0, 1,
                false, false);
        Cancellation cancellation = new Cancellation();
        // Ctrl+C waits for the whole command: the outcome printed and the workspace closed
        try (Interrupts interrupts = Interrupts.cancelOnCtrlC(cancellation); Workspace open = workspace.open()) {
            Path base = start.model != null ? start.model : randomModel(open, config.seed());
            if (adapter != null) {
                if (start.model == null) {
                    throw new IllegalArgumentException("--adapter needs the --model it was trained on.");
                }
                base = MergedBase.of(open, data.project, start.model, adapter);
                status.println("base: " + start.model + " with the adapter " + adapter + " merged, in " + base);
            }
            RunSpec runSpec = data.spec(base, config);
            RunService runs = new RunService(open, compute.device());
            RunOutcome outcome = runs.start(runSpec, new TerminalReporter(status, System.console() != null, 1),
                    cancellation);
            PrintWriter out = spec.commandLine().getOut();
            boolean completed = outcome.status() == RunStatus.COMPLETED;
            if (!completed) {
                status.println("Run " + outcome.runId() + " " + outcome.status().name().toLowerCase(Locale.ROOT) + ": "
                        + outcome.message());
            } else {
                runs.export(outcome.runId(), 1, output, DType.valueOf(dtype.toUpperCase(Locale.ROOT)));
            }
            Map<String, Double> metrics = completed ? outcome.iterations().get(0).metrics() : null;
            if (json) {
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("run", outcome.runId());
                summary.put("status", outcome.status().name().toLowerCase(Locale.ROOT));
                summary.put("metrics", metrics);
                summary.put("output", completed ? output.toAbsolutePath().toString() : null);
                out.println(Output.JSON.toJson(summary));
            } else if (completed) {
                out.printf(Locale.ROOT, "Run %d: loss %s, eval_loss %s; model saved to %s%n", outcome.runId(),
                        SpinCommand.number(metrics.get("loss")), SpinCommand.number(metrics.get("eval_loss")), output);
            }
            out.flush();
            status.flush();
            return completed ? 0 : outcome.status() == RunStatus.CANCELLED ? 130 : 1;
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
