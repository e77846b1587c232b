package org.spinworkbench.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Platform;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** When the process starts over to keep freed memory, and what it passes on (the restart itself: LauncherProcessTest). */
class RetainedMemoryStartTest {
    @Test
    void aPlainLinuxStartRestartsAndAnyMallocSettingOfTheUsersIsLeftAlone() {
        assumeTrue(Platform.isLinux(), "the settings are glibc's");
        Map<String, String> plain = Map.of("PATH", "/usr/bin", "HOME", "/home/a");
        assertTrue(RetainedMemoryStart.applies(plain, "auto"));
        assertFalse(RetainedMemoryStart.applies(plain, "system"));
        assertFalse(RetainedMemoryStart.applies(plain, "mapped"));
        assertFalse(RetainedMemoryStart.applies(with(plain, "MALLOC_ARENA_MAX", "4"), "auto"), "the user's own");
        assertFalse(RetainedMemoryStart.applies(with(plain, "MALLOC_MMAP_THRESHOLD_", "65536"), "auto"));
        assertFalse(RetainedMemoryStart.applies(with(plain, "GLIBC_TUNABLES", "glibc.malloc.tcache_count=0"), "auto"));
        assertTrue(RetainedMemoryStart.applies(with(plain, "GLIBC_TUNABLES", "glibc.cpu.hwcaps=-AVX2"), "auto"));

        Map<String, String> restarted = new HashMap<>(plain);
        restarted.putAll(RetainedMemoryStart.SETTINGS);
        assertTrue(RetainedMemoryStart.active(restarted));
        assertFalse(RetainedMemoryStart.applies(restarted, "auto"), "the restarted process does not start over again");
        assertFalse(RetainedMemoryStart.active(plain));
    }

    @Test
    void theCommandLineIsSplitAtEachNulIntoItsExactBytes() {
        byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1); // not UTF-8: passed on as it is
        byte[] cmdline = concat("java\0-jar\0".getBytes(StandardCharsets.US_ASCII), latin1, new byte[] {0, 0});
        List<byte[]> arguments = RetainedMemoryStart.nulTerminated(cmdline);
        assertEquals(4, arguments.size(), "an empty argument stays an argument");
        assertArrayEquals("java".getBytes(StandardCharsets.US_ASCII), arguments.get(0));
        assertArrayEquals(latin1, arguments.get(2));
        assertArrayEquals(new byte[0], arguments.get(3));
    }

    /**
     * Under the restart's settings a freed tensor's pages stay with the process (the next step
     * reuses them without faulting them in again) until they are handed back; with glibc's
     * defaults a tensor that large is mapped on its own and leaves when freed.
     */
    @Test
    void freedMemoryStaysUntilItIsHandedBack() throws Exception {
        assumeTrue(Platform.isLinux(), "the settings are glibc's");
        long[] retained = probe(RetainedMemoryStart.SETTINGS);
        assertTrue(retained[1] - retained[0] >= 200, "kept after the free: " + Arrays.toString(retained));
        assertTrue(retained[2] - retained[0] < 64, "handed back: " + Arrays.toString(retained));
        long[] defaults = probe(Map.of());
        assertTrue(defaults[1] - defaults[0] < 64, "glibc's default gives it back at once: " + Arrays.toString(defaults));
    }

    /** Resident MiB of a child JVM before, after freeing a 256 MiB tensor, and after handing free memory back. */
    private static long[] probe(Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RetainedMemoryProbe.class.getName());
        builder.environment().keySet().removeIf(name -> name.startsWith("MALLOC_"));
        builder.environment().putAll(environment);
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, output);
        String last = output.strip().lines().reduce((first, second) -> second).orElse("");
        String[] fields = last.split(" ", 4);
        assertEquals(environment.isEmpty() ? "the C library's default" : "freed memory kept for reuse", fields[3], last);
        return new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2])};
    }

    private static Map<String, String> with(Map<String, String> environment, String name, String value) {
        Map<String, String> more = new HashMap<>(environment);
        more.put(name, value);
        return more;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
