package org.spinworkbench.lm;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * How the C library's allocator gives libtorch its tensor memory (decision 0017).
 *
 * <p>glibc maps a block of at least its mmap threshold straight from the kernel and returns it
 * on free; smaller blocks come from its heaps, where freed space stays resident for reuse. Out
 * of the box the threshold moves: each time a mapped block is freed, it rises to that block's
 * size, up to 32 MiB. A training step frees tensors of every size from hundreds of KiB to tens
 * of MiB, so after the first steps activations, gradients and optimiser temporaries all come
 * from the heaps, interleaved with tensors that live longer, and the process keeps gigabytes
 * it no longer uses. Fixing the threshold at {@link #LARGE_BLOCK_BYTES} keeps every large
 * tensor mapped, so memory goes back to the system as soon as a tensor is freed.
 */
public final class NativeAllocator {
    /** Blocks of this size and more are mapped and unmapped on their own. */
    public static final int LARGE_BLOCK_BYTES = 4 << 20;
    /** {@code -Dspinworkbench.allocator=system} leaves the C library as it is. */
    public static final String PROPERTY = "spinworkbench.allocator";
    private static final String GLIBC_VARIABLE = "MALLOC_MMAP_THRESHOLD_";
    private static final int M_MMAP_THRESHOLD = -3; // <malloc.h>

    private static Boolean configured;

    private NativeAllocator() {
    }

    /**
     * Fixes glibc's mmap threshold at {@link #LARGE_BLOCK_BYTES}, once per process; call it
     * before libtorch allocates. Nothing changes elsewhere (macOS, Windows, another C library),
     * when the environment already sets glibc's threshold ({@value #GLIBC_VARIABLE} or a
     * {@code GLIBC_TUNABLES} entry), or when the system property {@value #PROPERTY} is
     * {@code system}.
     *
     * @return whether this call's process has the fixed threshold
     */
    public static synchronized boolean configure() {
        if (configured == null) {
            configured = wanted() && fixMmapThreshold();
        }
        return configured;
    }

    /** "mapped large blocks" or "glibc's default": what {@code bench} reports. */
    public static synchronized String describe() {
        return Boolean.TRUE.equals(configured) ? "blocks of " + (LARGE_BLOCK_BYTES >> 20) + " MiB and more mapped"
                : "the C library's default";
    }

    private static boolean wanted() {
        String tunables = System.getenv().getOrDefault("GLIBC_TUNABLES", "");
        return !"system".equals(System.getProperty(PROPERTY))
                && System.getenv(GLIBC_VARIABLE) == null
                && !tunables.contains("mmap_threshold");
    }

    private static boolean fixMmapThreshold() {
        if (!Platform.isLinux()) {
            return false;
        }
        try {
            NativeLibrary libc = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME);
            libc.getFunction("gnu_get_libc_version"); // only glibc has it, and only glibc's mallopt takes -3 this way
            Function mallopt = libc.getFunction("mallopt");
            return mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, LARGE_BLOCK_BYTES}) == 1;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false; // not glibc, or JNA cannot load its native part: the default allocator stays
        }
    }
}
