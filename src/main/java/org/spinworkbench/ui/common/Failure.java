package org.spinworkbench.ui.common;

/** A failure to show in an error dialog: what was being done, and why it did not work. */
public record Failure(String header, String reason) {
}
