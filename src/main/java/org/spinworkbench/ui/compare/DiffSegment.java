package org.spinworkbench.ui.compare;

/**
 * A run of text that the real and the synthetic response share, or that only one of them
 * has: {@link Kind#REMOVED} is in the real response only, {@link Kind#ADDED} in the
 * synthetic one only.
 */
public record DiffSegment(Kind kind, String text) {

    public enum Kind { SAME, REMOVED, ADDED }

    /** Whether the real response contains this segment. */
    public boolean inReal() {
        return kind != Kind.ADDED;
    }

    /** Whether the synthetic response contains this segment. */
    public boolean inSynthetic() {
        return kind != Kind.REMOVED;
    }
}
