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
