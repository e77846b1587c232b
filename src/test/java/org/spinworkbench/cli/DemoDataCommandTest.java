package org.spinworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.data.DatasetFormat;
import org.spinworkbench.data.DatasetReader;
import org.spinworkbench.data.LoadedDataset;
import org.spinworkbench.data.ProblemPolicy;

class DemoDataCommandTest {
    @TempDir
    Path dir;

    private final CliHarness cli = new CliHarness();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void writesFilesTheDatasetReaderAcceptsWithEveryRow() {
        Path folder = dir.resolve("demo");
        assertEquals(0, run("demo-data", "--output", folder.toString()), err.toString());
        assertTrue(out.toString().contains("400 train and 100 test"), out.toString());

        LoadedDataset train = DatasetReader.read(folder.resolve("train.jsonl"), DatasetFormat.PROMPT_RESPONSE,
                ProblemPolicy.STOP);
        assertEquals(400, train.examples().size());
        assertEquals(400, train.rowsRead());
        LoadedDataset test = DatasetReader.read(folder.resolve("test.jsonl"), null, ProblemPolicy.STOP);
        assertEquals(DatasetFormat.PROMPT_RESPONSE, test.format(), "the extra task and answer keys tell no other format");
        assertEquals(100, test.examples().size());
        assertTrue(Files.isRegularFile(folder.resolve("README.md")));
    }

    @Test
    void seedAndSizesAreOptions() throws Exception {
        Path folder = dir.resolve("small");
        assertEquals(0, run("demo-data", "--output", folder.toString(), "--seed", "3", "--train", "20", "--test", "10"),
                err.toString());
        assertEquals(20, Files.readAllLines(folder.resolve("train.jsonl")).size());
        assertEquals(10, Files.readAllLines(folder.resolve("test.jsonl")).size());
        assertTrue(Files.readString(folder.resolve("README.md")).contains("--seed 3 --train 20 --test 10"));

        assertEquals(Cli.EXIT_FAILURE, run("demo-data", "--output", dir.resolve("tiny").toString(), "--test", "2"));
        assertTrue(err.toString().contains("at least 5 rows"), err.toString());
        assertTrue(Files.notExists(dir.resolve("tiny")));
    }

    @Test
    void aFolderWithFilesIsRefusedUnlessForced() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(folder.resolve("train.jsonl"), "mine\n");
        assertEquals(Cli.EXIT_FAILURE, run("demo-data", "--output", folder.toString()));
        assertTrue(err.toString().contains("not empty; use --force"), err.toString());
        assertEquals("mine\n", Files.readString(folder.resolve("train.jsonl")));

        assertEquals(0, run("demo-data", "--output", folder.toString(), "--force"), err.toString());
        assertEquals(400, Files.readAllLines(folder.resolve("train.jsonl")).size());

        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals(0, run("demo-data", "--output", empty.toString()), err.toString());
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertEquals(Cli.EXIT_FAILURE, run("demo-data", "--output", file.toString(), "--force"));
        assertTrue(err.toString().contains("is a file"), err.toString());
    }
}
