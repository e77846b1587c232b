package org.spinworkbench.ui.compare;

import java.util.List;

/**
 * The differences between a real and a synthetic response, in reading order.
 *
 * @param complete false when the texts differed too much to align within the cost bound: the
 *                 part between their shared beginning and end is then shown as replaced whole
 * @param sameShare share of the words and punctuation marks of both texts (white space not
 *                  counted) that are aligned as shared, in [0, 1]
 */
public record ResponseDiff(List<DiffSegment> segments, boolean complete, double sameShare) {
    public ResponseDiff {
        segments = List.copyOf(segments);
    }

    /** The real response, put back together from its segments. */
    public String realText() {
        StringBuilder text = new StringBuilder();
        segments.stream().filter(DiffSegment::inReal).forEach(s -> text.append(s.text()));
        return text.toString();
    }

    /** The synthetic response, put back together from its segments. */
    public String syntheticText() {
        StringBuilder text = new StringBuilder();
        segments.stream().filter(DiffSegment::inSynthetic).forEach(s -> text.append(s.text()));
        return text.toString();
    }

    public boolean identical() {
        return segments.stream().allMatch(s -> s.kind() == DiffSegment.Kind.SAME);
    }
}
