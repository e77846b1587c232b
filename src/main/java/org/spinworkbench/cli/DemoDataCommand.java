package org.spinworkbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.spinworkbench.data.tasks.DemoDataset;
import org.spinworkbench.data.tasks.DemoTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code demo-data}: the workshop demo's checkable questions, train and test, from a seed. */
@Command(name = "demo-data", mixinStandardHelpOptions = true,
        description = "Write the demo dataset: short questions whose answers a program checks (add, reverse, sort,"
                + " convert, capital), as train.jsonl and test.jsonl with a README.md. Same seed, same files.")
public final class DemoDataCommand implements Callable<Integer> {
    @Option(names = "--output", paramLabel = "DIR", required = true,
            description = "Folder for the files; it must be new or empty unless --force.")
    Path output;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + DemoDataset.DEFAULT_SEED,
            description = "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--train", paramLabel = "N", defaultValue = "" + DemoDataset.DEFAULT_TRAIN_SIZE,
            description = "Rows in train.jsonl. Default: ${DEFAULT-VALUE}.")
    int trainSize;

    @Option(names = "--test", paramLabel = "N", defaultValue = "" + DemoDataset.DEFAULT_TEST_SIZE,
            description = "Rows in test.jsonl. Default: ${DEFAULT-VALUE}.")
    int testSize;

    @Option(names = "--force", description = "Write into a folder that has files, replacing train.jsonl,"
            + " test.jsonl and README.md.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new IllegalArgumentException(output + " is a file, not a folder");
        }
        if (!force && hasFiles(output)) {
            throw new IllegalArgumentException(output + " is not empty; use --force to write into it");
        }
        DemoDataset dataset = DemoDataset.generate(seed, trainSize, testSize);
        dataset.write(output);
        spec.commandLine().getOut().printf("Wrote %d train and %d test questions (%s) to %s%n",
                dataset.train().size(), dataset.test().size(), DemoTask.ids(), output);
        return 0;
    }

    private static boolean hasFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isPresent();
        }
    }
}
