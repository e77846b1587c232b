package org.spinworkbench.train;

import ai.djl.Device;

/**
 * What a run computes under: the device it computes on, who hears how it goes, and the request
 * that stops it at the next boundary.
 */
public record RunContext(Device device, TrainingListener listener, Cancellation cancellation) {
}
