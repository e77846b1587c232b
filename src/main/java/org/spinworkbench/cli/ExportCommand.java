package org.spinworkbench.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.spinworkbench.lm.hf.DType;
import org.spinworkbench.runs.RunService;
import org.spinworkbench.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code export}: an iteration's model as a Hugging Face folder, for other tools. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the model an iteration of a run produced as a Hugging Face folder.")
public final class ExportCommand implements Callable<Integer> {
    @Option(names = "--run", paramLabel = "ID", required = true)
    long run;

    @Option(names = "--iteration", paramLabel = "N", required = true)
    int iteration;

    @Option(names = "--output", paramLabel = "DIR", required = true, description = "A new or empty folder.")
    Path output;

    @Option(names = "--dtype", paramLabel = "F32|F16|BF16", defaultValue = "F32",
            description = "Weight type of the exported model. Default: ${DEFAULT-VALUE}.")
    String dtype;

    @Spec
    CommandSpec spec;

    private final WorkspaceOption workspace;

    public ExportCommand(WorkspaceOption workspace) {
        this.workspace = workspace;
    }

    @Override
    public Integer call() throws IOException {
        try (Workspace open = workspace.open()) {
            Path written = new RunService(open, ai.djl.Device.cpu())
                    .export(run, iteration, output, DType.valueOf(dtype.toUpperCase(java.util.Locale.ROOT)));
            spec.commandLine().getOut().println("Exported run " + run + " iteration " + iteration + " to " + written);
            return 0;
        }
    }
}
