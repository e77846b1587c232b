package org.spinworkbench.cli;

import org.spinworkbench.lm.ComputeDevice;
import picocli.CommandLine.Option;

/** {@code --device auto|cpu|gpu --threads N}: where to compute. */
public final class DeviceOptions {
    @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "auto",
            description = "auto (GPU when PyTorch sees one), cpu or gpu. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "CPU threads for PyTorch; 0 = one per core. Default: ${DEFAULT-VALUE}.")
    int threads;

    ComputeDevice select() {
        return ComputeDevice.select(ComputeDevice.parse(device), threads);
    }
}
