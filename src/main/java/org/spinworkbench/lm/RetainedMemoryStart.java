package org.spinworkbench.lm;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Starts the process over, once, with glibc told to keep the memory libtorch frees (decision
 * 0021). Every Java thread allocates from one of glibc's secondary heaps, and glibc unmaps a
 * secondary heap as soon as everything in it is free: after each training step its tensors'
 * pages went back to the kernel, and the next step faulted and zeroed them in again (a sixth
 * to a third of a step's CPU time at the SmolLM2-135M shape). glibc reads its settings once, when
 * the process starts, so the process replaces itself ({@code execve} of {@code /proc/self/exe}
 * with its own arguments: same process id, same standard streams) with one heap for every
 * thread, no mapped blocks and no trimming ({@link #SETTINGS}).
 *
 * <p>Nothing happens on other systems, under {@code -D}{@value NativeAllocator#PROPERTY}{@code
 * =system} or {@code mapped}, or when the environment already sets any of glibc's malloc
 * settings (the user's own choice, or the restarted process itself). When the restart cannot
 * be made, the process goes on as it is.
 */
public final class RetainedMemoryStart {
    /** The environment the process is started over with. */
    static final Map<String, String> SETTINGS = Map.of(
            "MALLOC_ARENA_MAX", "1",                    // every thread in the main heap, which is never unmapped
            "MALLOC_MMAP_MAX_", "0",                    // no block mapped on its own, whatever its size
            "MALLOC_TRIM_THRESHOLD_", "1099511627776"); // freed pages stay (1 TiB free before a trim)

    private RetainedMemoryStart() {
    }

    /**
     * Replaces this process with itself under {@link #SETTINGS} when that applies; returns
     * only when it does not (or when the replacement failed).
     */
    public static void restartIfUseful() {
        if (!applies(System.getenv(), NativeAllocator.choice())) {
            return;
        }
        NativeLibrary libc = NativeAllocator.glibc(); // the settings are glibc's
        if (libc == null) {
            return;
        }
        try {
            List<byte[]> arguments = nulTerminated(Files.readAllBytes(Path.of("/proc/self/cmdline")));
            List<byte[]> environment = nulTerminated(Files.readAllBytes(Path.of("/proc/self/environ")));
            if (arguments.isEmpty()) {
                return;
            }
            SETTINGS.forEach((name, value) -> environment.add((name + "=" + value).getBytes(StandardCharsets.US_ASCII)));
            Function execve = libc.getFunction("execve");
            System.out.flush();
            System.err.flush();
            execve.invokeInt(new Object[] {"/proc/self/exe", cStrings(arguments), cStrings(environment)});
        } catch (IOException | UnsatisfiedLinkError | RuntimeException e) {
            // no /proc, or execve refused: start as the process is
        }
    }

    /** Whether a process with this environment and allocator choice starts over. */
    static boolean applies(Map<String, String> environment, String choice) {
        if (!Platform.isLinux() || !"auto".equals(choice)) {
            return false;
        }
        for (String name : environment.keySet()) {
            if (name.startsWith("MALLOC_")) {
                return false;
            }
        }
        return !environment.getOrDefault("GLIBC_TUNABLES", "").contains("glibc.malloc.");
    }

    /** Whether a process with this environment runs with {@link #SETTINGS}, as the restart leaves it. */
    static boolean active(Map<String, String> environment) {
        return SETTINGS.entrySet().stream().allMatch(e -> e.getValue().equals(environment.get(e.getKey())));
    }

    /** The strings of {@code /proc/self/cmdline} or {@code environ}, each ended by a NUL, as they are: bytes, no decoding. */
    static List<byte[]> nulTerminated(byte[] strings) {
        List<byte[]> split = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < strings.length; i++) {
            if (strings[i] == 0) {
                split.add(Arrays.copyOfRange(strings, start, i));
                start = i + 1;
            }
        }
        return split;
    }

    /** A {@code char *[]} of the strings; JNA ends a {@code Pointer[]} argument with NULL. */
    private static Pointer[] cStrings(List<byte[]> strings) {
        Pointer[] pointers = new Pointer[strings.size()];
        for (int i = 0; i < pointers.length; i++) {
            byte[] bytes = strings.get(i);
            Memory memory = new Memory(bytes.length + 1L);
            memory.write(0, bytes, 0, bytes.length);
            memory.setByte(bytes.length, (byte) 0);
            pointers[i] = memory;
        }
        return pointers;
    }
}
