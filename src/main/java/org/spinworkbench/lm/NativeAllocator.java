package org.spinworkbench.lm;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.util.Locale;

/**
 * How the C library's allocator gives libtorch its tensor memory (decisions 0017 and 0021).
 *
 * <p>glibc maps a block of at least its mmap threshold straight from the kernel and returns it
 * on free; smaller blocks come from its heaps, where freed space stays resident for reuse. Out
 * of the box the threshold moves: each time a mapped block is freed, it rises to that block's
 * size, up to 32 MiB. A training step frees tensors of every size from hundreds of KiB to tens
 * of MiB, so after the first steps activations, gradients and optimiser temporaries all come
 * from the heaps, interleaved with tensors that live longer, and the process keeps gigabytes
 * it no longer uses. Fixing the threshold at {@link #LARGE_BLOCK_BYTES} keeps every large
 * tensor mapped, so memory goes back to the system as soon as a tensor is freed; the price is
 * speed, because a mapped tensor's pages are new to the process each time.
 *
 * <p>By default the process starts over with glibc keeping the memory it frees
 * ({@link RetainedMemoryStart}): faster, because tensors reuse pages the process already has.
 * Large blocks are mapped when memory matters more than speed: from the moment a model
 * turns gradient checkpointing on, for the rest of the process (glibc cannot be given its
 * moving threshold back). The system property {@value #PROPERTY} overrides that: {@code mapped}
 * maps from start-up, {@code system} never.
 */
public final class NativeAllocator {
    /** Blocks of this size and more are mapped and unmapped on their own. */
    public static final int LARGE_BLOCK_BYTES = 4 << 20;
    /** {@code auto} (the default), {@code mapped} or {@code system}. */
    public static final String PROPERTY = "spinworkbench.allocator";
    private static final String GLIBC_VARIABLE = "MALLOC_MMAP_THRESHOLD_";
    private static final int M_TRIM_THRESHOLD = -1; // <malloc.h>
    private static final int M_MMAP_THRESHOLD = -3;
    private static final int M_MMAP_MAX = -4;
    private static final int DEFAULT_TRIM_THRESHOLD = 128 << 10; // glibc's own defaults
    private static final int DEFAULT_MMAP_MAX = 65536;

    private static Boolean mapped;
    private static Function trim; // glibc's malloc_trim, found on first use

    private NativeAllocator() {
    }

    /** At start-up, before libtorch allocates: maps large blocks now when {@value #PROPERTY} is {@code mapped}. */
    public static void atStartUp() {
        if (choice().equals("mapped")) {
            mapLargeBlocks();
        }
    }

    /** A model is about to save memory at the cost of speed (gradient checkpointing): large blocks mapped unless told not to. */
    static void forMemorySaving() {
        if (!choice().equals("system")) {
            mapLargeBlocks();
        }
    }

    /**
     * Fixes glibc's mmap threshold at {@link #LARGE_BLOCK_BYTES}, once per process. Nothing
     * changes elsewhere (macOS, Windows, another C library), or when the environment already
     * sets glibc's threshold ({@value #GLIBC_VARIABLE} or a {@code GLIBC_TUNABLES} entry).
     *
     * @return whether this process maps large blocks
     */
    public static synchronized boolean mapLargeBlocks() {
        if (mapped == null) {
            mapped = !thresholdSetByEnvironment() && fixMmapThreshold();
        }
        return mapped;
    }

    /**
     * Hands the free pages inside glibc's heaps back to the system ({@code malloc_trim}), when
     * this process maps large blocks; otherwise nothing. Tensors under the threshold freed
     * between long-lived ones leave holes the heap keeps resident: a checkpointed pass frees
     * hundreds of MiB of them at a time.
     */
    static void releaseFreePages() {
        if (mapLargeBlocksSet()) {
            returnFreeMemory();
        }
    }

    /**
     * Hands every free page of glibc's heaps back to the system ({@code malloc_trim}), whatever
     * the allocator's settings: for a process that keeps freed memory ({@link RetainedMemoryStart})
     * once the work that freed it is done, so that memory does not stay with the window after a run.
     */
    public static void returnFreeMemory() {
        Function malloc = glibcTrim();
        if (malloc != null) {
            malloc.invokeInt(new Object[] {0});
        }
    }

    private static synchronized Function glibcTrim() {
        if (trim == null) {
            NativeLibrary libc = glibc();
            trim = libc == null ? null : libc.getFunction("malloc_trim");
        }
        return trim;
    }

    private static synchronized boolean mapLargeBlocksSet() {
        return Boolean.TRUE.equals(mapped);
    }

    /** The C library when it is glibc, whose malloc settings this class and {@link RetainedMemoryStart} use; else null. */
    static NativeLibrary glibc() {
        if (!Platform.isLinux()) {
            return null;
        }
        try {
            NativeLibrary libc = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME);
            libc.getFunction("gnu_get_libc_version"); // only glibc has it
            return libc;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null; // not glibc, or JNA cannot load its native part
        }
    }

    /** What {@code bench} reports. */
    public static synchronized String describe() {
        if (Boolean.TRUE.equals(mapped)) {
            return "blocks of " + (LARGE_BLOCK_BYTES >> 20) + " MiB and more mapped";
        }
        return RetainedMemoryStart.active(System.getenv()) ? "freed memory kept for reuse" : "the C library's default";
    }

    /** {@value #PROPERTY}: {@code auto}, {@code mapped} or {@code system}. */
    static String choice() {
        return System.getProperty(PROPERTY, "auto").strip().toLowerCase(Locale.ROOT);
    }

    private static boolean thresholdSetByEnvironment() {
        return System.getenv(GLIBC_VARIABLE) != null
                || System.getenv().getOrDefault("GLIBC_TUNABLES", "").contains("mmap_threshold");
    }

    private static boolean fixMmapThreshold() {
        NativeLibrary libc = glibc(); // only glibc's mallopt takes -3 this way
        if (libc == null) {
            return false;
        }
        try {
            Function mallopt = libc.getFunction("mallopt");
            if (RetainedMemoryStart.active(System.getenv())) {
                // started to keep freed memory: let blocks be mapped and heaps trimmed again
                mallopt.invokeInt(new Object[] {M_MMAP_MAX, DEFAULT_MMAP_MAX});
                mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, DEFAULT_TRIM_THRESHOLD});
            }
            return mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, LARGE_BLOCK_BYTES}) == 1;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false; // the default allocator stays
        }
    }
}
