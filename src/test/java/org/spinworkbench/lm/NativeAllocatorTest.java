package org.spinworkbench.lm;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.sun.jna.Platform;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * libtorch tensors on glibc, the allocator Linux builds use. The threshold is process-wide,
 * so the test checks what it guarantees whatever ran before it in this JVM.
 */
class NativeAllocatorTest {
    /** Sizes under the 32 MiB glibc's moving threshold can reach, largest first: each free raises it. */
    private static final int[] MEBIBYTES = {30, 20, 12, 8};

    @Test
    void freedTensorsGoBackToTheSystemWhateverWasFreedBefore() {
        assumeTrue(Platform.isLinux(), "the fixed threshold is a glibc setting");
        assertTrue(NativeAllocator.mapLargeBlocks(), "glibc's mallopt takes the threshold");
        try (NDManager manager = NDManager.newBaseManager()) {
            List<NDArray> pins = new ArrayList<>(); // small tensors after each large one: a heap could not trim under them
            for (int mebibytes : MEBIBYTES) {
                long before = ProcessMemory.residentMiB();
                assertTrue(before > 0, "resident memory is readable");
                NDArray large = manager.ones(new Shape(mebibytes * (1L << 18)));   // every page written
                pins.add(manager.ones(new Shape(1 << 14)));                         // 64 KiB
                large.close();
                long after = ProcessMemory.residentMiB();
                // a fresh block is given back; one reused from memory the process already held adds nothing;
                // half the tensor's size leaves room for what other threads allocate meanwhile
                assertTrue(after - before < mebibytes / 2, "freeing a " + mebibytes + " MiB tensor left resident memory at "
                        + after + " MiB, from " + before + " MiB before it was made");
            }
            pins.forEach(NDArray::close);
        }
    }
}
