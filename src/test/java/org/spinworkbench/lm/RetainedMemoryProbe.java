package org.spinworkbench.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Run in a child JVM by {@link RetainedMemoryStartTest}: makes and frees a 256 MiB tensor,
 * then hands free memory back, printing resident MiB before, after the free and after the
 * hand-back.
 */
public final class RetainedMemoryProbe {
    private RetainedMemoryProbe() {
    }

    public static void main(String[] args) {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.ones(new Shape(1)).close(); // the engine loaded before the first reading
            long before = ProcessMemory.residentMiB();
            NDArray large = manager.ones(new Shape(64L << 20));                     // 256 MiB, every page written
            large.close();
            long afterFree = ProcessMemory.residentMiB();
            NativeAllocator.returnFreeMemory();
            long afterReturn = ProcessMemory.residentMiB();
            System.out.println(before + " " + afterFree + " " + afterReturn + " " + NativeAllocator.describe());
        }
    }
}
