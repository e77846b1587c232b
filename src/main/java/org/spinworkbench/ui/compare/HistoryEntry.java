package org.spinworkbench.ui.compare;

/** One prompt's synthetic answer at one iteration, for following it across the run. */
public record HistoryEntry(int iteration, String synthetic, Double margin, boolean sameAsReal) {
}
