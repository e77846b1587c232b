package org.spinworkbench.lm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's resident memory, Java heap and native (libtorch) together, from
 * /proc/self/status on Linux; -1 where that is not available.
 */
public final class ProcessMemory {
    private ProcessMemory() {
    }

    /** Resident memory now, in MiB. */
    public static long residentMiB() {
        return field("VmRSS:");
    }

    /** The most resident memory so far, in MiB. */
    public static long peakResidentMiB() {
        return field("VmHWM:");
    }

    /**
     * Starts the peak again from the resident memory now (Linux's {@code clear_refs} 5), so that
     * {@link #peakResidentMiB} covers what runs from here on.
     *
     * @return whether the peak was restarted
     */
    public static boolean restartPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static long field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
