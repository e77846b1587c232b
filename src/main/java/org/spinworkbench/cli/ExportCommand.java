package org.spinworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.spinworkbench.lm.hf.DType;
import org.spinworkbench.runs.ExportPrecision;
import org.spinworkbench.runs.IterationDatasets;
import org.spinworkbench.runs.ModelExports;
import org.spinworkbench.runs.job.ClusterJobExport;
import org.spinworkbench.store.Split;
import org.spinworkbench.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code export}: an iteration's model as a Hugging Face folder, and/or its training pairs in
 * the SPIN reference layout, for other tools.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the model an iteration of a run produced as a Hugging Face folder (--output), and/or"
                + " the iteration's pairs as SPIN-layout JSON Lines (--dataset), or a folder that trains the run's next"
                + " iteration N on the SPIN reference stack, accelerate + DeepSpeed (--job).")
public final class ExportCommand implements Callable<Integer> {
    @Option(names = "--run", paramLabel = "ID", required = true)
    long run;

    @Option(names = "--iteration", paramLabel = "N", required = true)
    int iteration;

    @Option(names = "--output", paramLabel = "DIR",
            description = "A new or empty folder for the model (one with files only with --force).")
    Path output;

    @Option(names = "--adapter-only", description = "A LoRA run: write the iteration's adapter as a PEFT folder"
            + " (adapter_config.json, adapter_model.safetensors) to --output instead of the merged model.")
    boolean adapterOnly;

    @Option(names = "--dataset", paramLabel = "FILE",
            description = "A JSON Lines file for the iteration's pairs (real and generated).")
    Path dataset;

    @Option(names = "--split", paramLabel = "train|eval", defaultValue = "train",
            description = "Which pairs --dataset writes: the training or the held-out ones. Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--force", description = "Replace the --output folder if it has files (the old one stays until"
            + " the new is written whole) and the --dataset file if it exists.")
    boolean force;

    @Option(names = "--job", paramLabel = "DIR",
            description = "A new or empty folder for a cluster job that trains iteration N, the run's next, with the"
                    + " SPIN reference (its pairs are made first if the run has not made them); bring it back with"
                    + " import --job DIR.")
    Path job;

    @Option(names = "--gpus", paramLabel = "N", defaultValue = "8",
            description = "GPUs of the node the --job runs on. Default: ${DEFAULT-VALUE}.")
    int gpus;

    @Mixin
    DeviceOptions device = new DeviceOptions();

    @Option(names = "--dtype", paramLabel = "F32|F16|BF16",
            description = "Weight type of the exported model. Default: the base model's (torch_dtype), else F32.")
    String dtype;

    @Spec
    CommandSpec spec;

    private final WorkspaceOption workspace;

    public ExportCommand(WorkspaceOption workspace) {
        this.workspace = workspace;
    }

    @Override
    public Integer call() throws IOException {
        if (job != null) {
            if (output != null || dataset != null) {
                throw new ParameterException(spec.commandLine(), "--job writes a folder of its own; name it alone.");
            }
            return writeJob();
        }
        if (output == null && dataset == null) {
            throw new ParameterException(spec.commandLine(), "Name --output DIR, --dataset FILE or both, or --job DIR.");
        }
        if (adapterOnly && (output == null || dtype != null)) {
            throw new ParameterException(spec.commandLine(), "--adapter-only writes the adapter to --output DIR, in"
                    + " float32 as the run saved it; name --output and no --dtype.");
        }
        Split pairs = switch (split.toLowerCase(java.util.Locale.ROOT)) {
            case "train" -> Split.TRAIN;
            case "eval" -> Split.EVAL;
            default -> throw new ParameterException(spec.commandLine(), "--split is train or eval, not " + split + ".");
        };
        if (dataset != null && Files.exists(dataset) && !force) {
            throw new IllegalArgumentException(dataset + " already exists; add --force to replace it.");
        }
        try (Workspace open = workspace.open()) {
            if (output != null && adapterOnly) {
                Path written = new ModelExports(open).exportAdapter(run, iteration, output, force);
                spec.commandLine().getOut().println("Exported the LoRA adapter of run " + run + " iteration "
                        + iteration + " to " + written + " (PEFT)");
            } else if (output != null) {
                DType type = dtype != null ? DType.valueOf(dtype.strip().toUpperCase(java.util.Locale.ROOT))
                        : ExportPrecision.of(open.runs().findById(run).orElseThrow(() ->
                                new IllegalArgumentException("No run " + run + " in " + open.folder() + ".")));
                Path written = new ModelExports(open).export(run, iteration, output, type, force);
                spec.commandLine().getOut().println("Exported run " + run + " iteration " + iteration + " to " + written
                        + " (" + type.name() + ")");
            }
            if (dataset != null) {
                int written = new IterationDatasets(open).export(run, iteration, pairs, dataset);
                spec.commandLine().getOut().println("Exported " + written + " pairs of run " + run + " iteration "
                        + iteration + " to " + dataset);
            }
            return 0;
        }
    }

    private int writeJob() throws IOException {
        PrintWriter status = spec.commandLine().getErr();
        try (Workspace open = workspace.open()) {
            ClusterJobExport.Written written = new ClusterJobExport(open, device.select().device())
                    .write(run, iteration, job, gpus, TerminalReporter.onConsole(status, 1));
            PrintWriter out = spec.commandLine().getOut();
            out.println("Wrote the job for iteration " + written.iteration() + " of run " + run + " to "
                    + written.folder() + " (" + written.trainPairs() + " training and " + written.testPairs()
                    + " held-out pairs, " + gpus + " GPUs).");
            out.println("Settings the reference recipe does not carry as they are are listed in its README.md.");
            out.println("Run it with: SPIN_DIR=/path/to/SPIN bash " + written.folder().resolve("launch.sh"));
            return 0;
        }
    }
}
