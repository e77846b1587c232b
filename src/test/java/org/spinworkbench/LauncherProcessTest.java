package org.spinworkbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.store.Workspace;

/** Runs the Launcher in real child processes, as a user's shell would. */
class LauncherProcessTest {
    @TempDir
    Path workspace;

    record Result(int exitCode, String out, String err) {
    }

    private static Result launch(String... args) throws IOException, InterruptedException {
        return launch(List.of(), args);
    }

    private static Result launch(List<String> javaOptions, String... args) throws IOException, InterruptedException {
        return launch(Map.of(), javaOptions, args);
    }

    private static Result launch(Map<String, String> environment, List<String> javaOptions, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(javaOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("launcher did not finish: " + command);
        }
        return new Result(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void versionAndHelpExitCleanly() throws Exception {
        Result version = launch("--version");
        assertEquals(0, version.exitCode(), version.err());
        assertTrue(version.out().startsWith("SPIN Workbench " + AppInfo.version()), version.out());

        Result help = launch("--help");
        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().contains("Usage: spin-workbench"), help.out());
    }

    /**
     * A process starts over keeping the memory it frees (decision 0021) unless the user says
     * not or sets glibc's malloc settings; memory-saving training maps large blocks (decision 0017).
     */
    @Test
    void freedMemoryIsKeptUnlessCheckpointingSavesMemoryOrTheUserSaysNot() throws Exception {
        String[] bench = {"bench", "--model", "sample-data/demo-model", "--json", "--batch-sizes", "1",
            "--prompt-tokens", "4", "--new-tokens", "2", "--score-tokens", "8", "--train-pairs", "1",
            "--train-tokens", "8", "--repeats", "1", "--matmul-size", "64", "--workspace", workspace.toString()};
        String[] checkpointed = Arrays.copyOf(bench, bench.length + 1);
        checkpointed[bench.length] = "--gradient-checkpointing";
        boolean linux = System.getProperty("os.name").startsWith("Linux");

        Result plain = launch(bench);
        Result saving = launch(checkpointed);
        Result declined = launch(List.of("-Dspinworkbench.allocator=system"), checkpointed);
        Result usersOwn = launch(Map.of("MALLOC_ARENA_MAX", "2"), List.of(), bench);

        assertEquals(0, plain.exitCode(), plain.err());
        assertTrue(plain.out().contains("\"native_allocator\":\"" + (linux ? "freed memory kept for reuse"
                : "the C library's default") + "\""), plain.out());
        assertEquals(0, saving.exitCode(), saving.err());
        assertTrue(saving.out().contains("\"native_allocator\":\"blocks of 4 MiB and more mapped\""), saving.out());
        assertEquals(0, declined.exitCode(), declined.err());
        assertTrue(declined.out().contains("\"native_allocator\":\"the C library's default\""), declined.out());
        assertEquals(0, usersOwn.exitCode(), usersOwn.err());
        assertTrue(usersOwn.out().contains("\"native_allocator\":\"the C library's default\""), usersOwn.out());
    }

    /** The restarted process gets its arguments byte for byte: quotes, runs of spaces, an empty one. */
    @Test
    void theRestartedProcessGetsItsArgumentsWhole() throws Exception {
        String name = "A \"quoted\"  name,  with runs of spaces";
        // the empty description must arrive as an argument, or --description would take --workspace's place
        Result created = launch("projects", "create", name, "--description", "", "--workspace", workspace.toString());
        assertEquals(0, created.exitCode(), created.err());
        try (Workspace written = Workspace.open(workspace)) {
            assertEquals(List.of(name), written.projects().list().stream().map(p -> p.name()).toList());
        }
    }

    @Test
    void aSecondProcessOnAnOpenWorkspaceGetsAClearMessage() throws Exception {
        try (Workspace open = Workspace.open(workspace)) {
            open.projects().create("Busy", "");

            Result second = launch("projects", "create", "Intruder", "--workspace", workspace.toString());

            assertEquals(1, second.exitCode());
            assertTrue(second.err().contains("is already open in another SPIN Workbench process (pid "
                    + ProcessHandle.current().pid() + ")"), second.err());
            assertEquals(List.of("Busy"), open.projects().list().stream().map(p -> p.name()).toList());
        }
        Result afterClose = launch("projects", "list", "--workspace", workspace.toString());
        assertEquals(0, afterClose.exitCode(), afterClose.err());
        assertTrue(afterClose.out().contains("Busy"), afterClose.out());
    }
}
