package org.spinworkbench.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.Launcher;
import org.spinworkbench.store.Run;
import org.spinworkbench.store.RunStatus;
import org.spinworkbench.store.Workspace;

/**
 * A real full disk: the workspace lives on a small tmpfs mounted in a private mount namespace
 * ({@code unshare -m}), filled with a file until the space left is what each case needs. The
 * workbench runs in a child JVM there. Each failure is one line that says the disk is full;
 * the database keeps its bytes or its integrity, and the run resumes once space is freed.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class FullDiskTest {
    private static final Path DEMO_MODEL = Path.of("sample-data/demo-model").toAbsolutePath();
    private static final Path DEMO_DATA = Path.of("sample-data/demo-tasks/train.jsonl").toAbsolutePath();

    @TempDir
    Path dir;

    @BeforeAll
    static void privateMountsArePossible(@TempDir Path probe) throws Exception {
        Process process = new ProcessBuilder("unshare", "-m", "sh", "-c",
                "mount -t tmpfs -o size=64k tmpfs '" + probe + "'").redirectErrorStream(true).start();
        boolean ran = process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        assumeTrue(ran, "a private tmpfs needs unshare -m as root (Linux): " + new String(
                process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aFullDiskIsSaidPlainlyAndTheRunResumesOnceThereIsRoom() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path disk = Files.createDirectories(dir.resolve("disk"));
        Files.write(out.resolve("data.jsonl"), Files.readAllLines(DEMO_DATA).subList(0, 40));
        String spin = "spin --model '" + DEMO_MODEL + "' --data '" + out.resolve("data.jsonl") + "' --iterations 2"
                + " --epochs 1 --max-length 64 --max-prompt-length 32 --max-new-tokens 4 --threads 1 --project p";
        String script = String.join("\n",
                "set -u",
                "D='" + disk + "'; O='" + out + "'; SPIN=\"" + spin + "\"",
                "mount -t tmpfs -o size=64m tmpfs \"$D\"",
                // leaves $1 KB free: fill the disk, then give that much back
                "fill() { dd if=/dev/zero of=\"$D/filler\" bs=64k 2>/dev/null; truncate -s -\"$1\"K \"$D/filler\"; }",
                "wb() { name=$1; shift; " + javaCommand() + " --workspace \"$D/ws\" \"$@\" >\"$O/$name.out\""
                        + " 2>\"$O/$name.err\"; echo $? >\"$O/$name.rc\"; }",
                "wb create projects create p",
                "cp \"$D/ws/workbench.db\" \"$O/db-before\"",
                "fill 0; wb open-full runs list",
                "cp \"$D/ws/workbench.db\" \"$O/db-after\"; (cd \"$D/ws\" && stat -c '%n %s' workbench.db-*) >\"$O/ws-files\"",
                "rm \"$D/filler\"; fill 60; eval \"wb db-full $SPIN\"",
                "rm \"$D/filler\"; wb db-resume spin --resume 1",
                "fill 3000; eval \"wb save-full $SPIN\"",
                "rm \"$D/filler\"; wb save-resume spin --resume 2",
                "cp -r \"$D/ws\" \"$O/ws\"");
        Process process = new ProcessBuilder("unshare", "-m", "bash", "-c", script, "full-disk")
                .redirectErrorStream(true).redirectOutput(out.resolve("script.log").toFile())
                .start();
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "the script finishes");
        String log = Files.readString(out.resolve("script.log"));
        assertEquals(0, process.exitValue(), log);
        assertEquals(0, rc(out, "create"), err(out, "create"));

        // opening on a full disk: says so, never calls a healthy database someone else's
        assertEquals(1, rc(out, "open-full"));
        assertOneDiskFullLine(err(out, "open-full"));
        assertFalse(err(out, "open-full").contains("move it away"), err(out, "open-full"));
        assertArrayEquals(Files.readAllBytes(out.resolve("db-before")), Files.readAllBytes(out.resolve("db-after")));
        // the shared-memory index is SQLite's scratch, rebuilt on the next open; the log must hold no page
        assertTrue(Files.readAllLines(out.resolve("ws-files")).stream().filter(f -> f.startsWith("workbench.db-wal"))
                .allMatch(f -> f.endsWith(" 0")), Files.readString(out.resolve("ws-files")));

        // 60 KB free: the database cannot take the run's first rows
        assertEquals(1, rc(out, "db-full"));
        assertOneDiskFullLine(err(out, "db-full"));
        assertEquals(0, rc(out, "db-resume"), err(out, "db-resume"));

        // 3 MB free: room for the database, none for the 7 MB model of iteration 1
        assertEquals(1, rc(out, "save-full"));
        assertOneDiskFullLine(err(out, "save-full"));
        assertTrue(err(out, "save-full").contains("Disk full: run 2 stopped"), err(out, "save-full"));
        assertEquals(0, rc(out, "save-resume"), err(out, "save-resume"));

        try (Workspace workspace = Workspace.open(out.resolve("ws"))) {
            for (long id : new long[] {1, 2}) {
                Run run = workspace.runs().findById(id).orElseThrow();
                assertEquals(RunStatus.COMPLETED, run.status(), "run " + id);
                assertEquals(2, workspace.checkpoints().listByRun(id).stream()
                        .filter(c -> c.path().getFileName().toString().equals("model")).count(), "run " + id);
            }
            assertEquals("ok", workspace.database().read(c -> {
                try (var s = c.createStatement(); var rows = s.executeQuery("PRAGMA integrity_check")) {
                    return rows.getString(1);
                }
            }));
        }
    }

    private static void assertOneDiskFullLine(String err) {
        List<String> errors = err.lines().filter(line -> line.startsWith("error:")).toList();
        assertEquals(1, errors.size(), err);
        assertTrue(errors.get(0).startsWith("error: Disk full: "), err);
        assertTrue(errors.get(0).contains("Free some space and try again"), err);
        assertFalse(err.contains("\tat "), err);
    }

    private static String javaCommand() {
        return "'" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -cp '"
                + System.getProperty("java.class.path") + "' " + Launcher.class.getName();
    }

    private static int rc(Path out, String name) throws IOException {
        return Integer.parseInt(Files.readString(out.resolve(name + ".rc")).strip());
    }

    private static String err(Path out, String name) throws IOException {
        return Files.readString(out.resolve(name + ".err"));
    }
}
