package org.spinworkbench.ui.common;

import org.spinworkbench.lm.ComputeDevice;

/**
 * Where the runs started from the window compute: the device choice and the number of CPU
 * threads, 0 leaving libtorch's default (one per core).
 */
public record DeviceSettings(ComputeDevice.Choice choice, int threads) {
    public static final DeviceSettings AUTOMATIC = new DeviceSettings(ComputeDevice.Choice.AUTO, 0);

    public DeviceSettings {
        if (choice == null) {
            throw new IllegalArgumentException("a device choice is required");
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (automatic) or more, not " + threads);
        }
    }

    /**
     * Starts the engine if needed and selects the device; slow the first time, so never on the
     * FX thread.
     *
     * @throws IllegalArgumentException when a GPU is chosen and none is visible
     */
    public ComputeDevice select() {
        return ComputeDevice.select(choice, threads);
    }
}
