package org.spinworkbench.lm;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.sun.jna.Platform;
import org.junit.jupiter.api.Test;

class ProcessMemoryTest {
    @Test
    void thePeakRestartsFromWhatIsResidentNow() {
        assumeTrue(Platform.isLinux(), "resident memory and its peak are read from /proc");
        assertTrue(NativeAllocator.mapLargeBlocks(), "a freed tensor leaves the process, so the peak stays above it");
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.ones(new Shape(16L << 20)).close(); // 64 MiB written, then given back
        }
        long resident = ProcessMemory.residentMiB();
        assertTrue(ProcessMemory.peakResidentMiB() >= resident + 60, "the 64 MiB tensor is in the peak");

        assertTrue(ProcessMemory.restartPeak());

        long peak = ProcessMemory.peakResidentMiB();
        assertTrue(peak <= ProcessMemory.residentMiB() + 2, "peak " + peak + " MiB after the restart, resident "
                + ProcessMemory.residentMiB() + " MiB");
    }
}
