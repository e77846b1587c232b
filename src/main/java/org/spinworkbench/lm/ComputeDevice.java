package org.spinworkbench.lm;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Locale;

/**
 * Where tensors live and how many CPU threads libtorch uses. A GPU is used through a local
 * CUDA build of libtorch 2.7.1: set {@code PYTORCH_LIBRARY_PATH} to its {@code lib} folder and
 * {@code PYTORCH_FLAVOR=cu128} before starting (see docs/gpu.md).
 */
public record ComputeDevice(Device device, int threads) {

    public enum Choice { AUTO, CPU, GPU }

    /**
     * Chooses the device; {@code threads} 0 keeps libtorch's default (one per core).
     *
     * @throws IllegalArgumentException when a GPU is asked for but libtorch sees none
     */
    public static ComputeDevice select(Choice choice, int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (all cores) or more, not " + threads);
        }
        int gpus = Engine.getInstance().getGpuCount();
        if (choice == Choice.GPU && gpus == 0) {
            throw new IllegalArgumentException("No GPU is visible to PyTorch. To use one, install a CUDA build of "
                    + "libtorch 2.7.1 and start with PYTORCH_LIBRARY_PATH=<libtorch>/lib PYTORCH_FLAVOR=cu128; "
                    + "or choose --device cpu.");
        }
        if (threads > 0) {
            JniUtils.setNumThreads(threads);
        }
        Device device = choice == Choice.CPU || gpus == 0 ? Device.cpu() : Device.gpu();
        return new ComputeDevice(device, JniUtils.getNumThreads());
    }

    public static Choice parse(String text) {
        try {
            return Choice.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("device must be auto, cpu or gpu, not \"" + text + "\"");
        }
    }

    /** {@code device} with the CPU threads libtorch uses now. */
    public static ComputeDevice current(Device device) {
        return new ComputeDevice(device, JniUtils.getNumThreads());
    }

    /** "CPU, 2 threads" or "GPU 0, 16 CPU threads": what the app shows the user. */
    public String describe() {
        if (device.isGpu()) {
            return "GPU " + device.getDeviceId() + ", " + threads + " CPU threads";
        }
        return "CPU, " + threads + " threads";
    }
}
