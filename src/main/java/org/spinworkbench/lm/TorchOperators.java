package org.spinworkbench.lm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Operators libtorch has and DJL does not expose, each with libtorch's own kernel and autograd
 * formula, run as small TorchScript modules built in memory ({@link TorchScriptArchive}).
 *
 * <p>SiLU is the reason: composed from DJL's operators as g · sigmoid(g), its backward is six
 * passes over the MLP's (B, T, I) tensors (two products, sigmoid's backward, two more products
 * and a sum) where torch's {@code silu_backward} is one, and its forward two where torch's is
 * one. It is also the kernel transformers runs ({@code nn.SiLU}), not a rounding of it.
 *
 * <p>A module is compiled once per process, on first use, and runs on the device of its inputs.
 * Each call switches the calling thread's graph executor to plain interpretation (no profiling,
 * no fusion), so every call runs the same kernels and training stays reproducible bit for bit;
 * gradients are recorded exactly when the caller records them.
 */
public final class TorchOperators {
    private static final String SILU_TIMES = """
              def forward(self: __torch__.SiluTimes, gate: Tensor, up: Tensor) -> Tensor:
                return torch.mul(torch.silu(gate), up)
            """;

    /** transformers' LlamaRMSNorm in float32, ε written into the source as its Python float literal. */
    private static final String RMS_NORM = """
              def forward(self: __torch__.RmsNorm, x: Tensor, weight: Tensor) -> Tensor:
                variance = torch.mean(torch.pow(x, 2), [-1], True)
                return torch.mul(weight, torch.mul(x, torch.rsqrt(torch.add(variance, EPSILON))))
            """;

    private static NDManager modules;        // owns the compiled modules for the life of the process
    private static final Map<Double, PtSymbolBlock> RMS_NORMS = new ConcurrentHashMap<>();

    private TorchOperators() {
    }

    /** silu(gate) · up, element by element, silu(x) = x · sigmoid(x) as torch computes it: (…) × (…) → (…). */
    public static NDArray siluTimes(NDArray gate, NDArray up) {
        return run(SiluTimes.MODULE, gate, up);
    }

    /**
     * Root-mean-square normalisation over the last axis as transformers' LlamaRMSNorm computes
     * it in float32: weight · (x · rsqrt(mean(x²) + ε)); (…, H) and weight (H) → (…, H).
     */
    public static NDArray rmsNorm(NDArray x, NDArray weight, double epsilon) {
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("RMS norm epsilon must be finite and not negative, found " + epsilon);
        }
        return run(RMS_NORMS.computeIfAbsent(epsilon, TorchOperators::rmsNormModule), x, weight);
    }

    private static NDArray run(PtSymbolBlock module, NDArray... inputs) {
        NDList unnamed = new NDList(inputs.length);
        for (NDArray input : inputs) {
            // DJL passes an array whose name has a dot (a weight's, "model.norm.weight") as a
            // dictionary entry: such an input goes as a view of itself, which has no name
            unnamed.add(input.getName() == null ? input : input.reshape(input.getShape()));
        }
        JniUtils.setGraphExecutorOptimize(false);
        return IValueUtils.forward(module, unnamed, JniUtils.isGradMode()).singletonOrThrow();
    }

    /** Compiled when first used (the JVM's class initialisation), with no lock taken on later calls. */
    private static final class SiluTimes {
        static final PtSymbolBlock MODULE = compile("SiluTimes", SILU_TIMES);
    }

    private static PtSymbolBlock rmsNormModule(double epsilon) {
        String literal = Double.toString(epsilon).toLowerCase(Locale.ROOT); // a Python float literal: 1.0e-6
        return compile("RmsNorm", RMS_NORM.replace("EPSILON", literal));
    }

    private static synchronized PtSymbolBlock compile(String className, String methods) {
        if (modules == null) {
            modules = NDManager.newBaseManager(Device.cpu());
        }
        byte[] archive = TorchScriptArchive.of(className, methods);
        try {
            return JniUtils.loadModule((PtNDManager) modules, new ByteArrayInputStream(archive), false, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the TorchScript module " + className, e);
        }
    }
}
