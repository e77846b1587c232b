package org.spinworkbench.ui.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * A word-level diff of a real and a synthetic response (Myers' O(ND) algorithm over the
 * units of {@link DiffTokens}): the shortest edit script, so what is marked changed is as
 * little as possible.
 *
 * <p>Cost is bounded: the shared beginning and end are taken off first, and the search for
 * an alignment of the rest stops after {@code maxEdits} edits or {@code maxWork} token
 * comparisons, whichever comes first. The rest is then shown as removed and added whole,
 * and the result says it is not {@link ResponseDiff#complete() complete}. A window never
 * stalls on two long unrelated texts.
 */
public final class WordDiff {
    /** Enough for responses of several thousand words that share most of their text. */
    public static final int DEFAULT_MAX_EDITS = 2_000;
    /** About 20 ms of comparisons on a laptop. */
    public static final long DEFAULT_MAX_WORK = 20_000_000L;

    private final int maxEdits;
    private final long maxWork;

    public WordDiff() {
        this(DEFAULT_MAX_EDITS, DEFAULT_MAX_WORK);
    }

    public WordDiff(int maxEdits, long maxWork) {
        if (maxEdits < 0 || maxWork < 0) {
            throw new IllegalArgumentException("the diff's bounds cannot be negative");
        }
        this.maxEdits = maxEdits;
        this.maxWork = maxWork;
    }

    public ResponseDiff compare(String real, String synthetic) {
        String[] a = DiffTokens.split(real == null ? "" : real).toArray(String[]::new);
        String[] b = DiffTokens.split(synthetic == null ? "" : synthetic).toArray(String[]::new);
        int prefix = 0;
        while (prefix < a.length && prefix < b.length && a[prefix].equals(b[prefix])) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.length - prefix && suffix < b.length - prefix
                && a[a.length - 1 - suffix].equals(b[b.length - 1 - suffix])) {
            suffix++;
        }
        Segments out = new Segments();
        for (int i = 0; i < prefix; i++) {
            out.add(DiffSegment.Kind.SAME, a[i]);
        }
        boolean complete = middle(a, prefix, a.length - suffix, b, prefix, b.length - suffix, out);
        for (int i = a.length - suffix; i < a.length; i++) {
            out.add(DiffSegment.Kind.SAME, a[i]);
        }
        // a share of the words (and punctuation marks): the spaces between them are not words
        int total = words(a) + words(b);
        double sameShare = total == 0 ? 1.0 : 2.0 * out.sameWords / total;
        return new ResponseDiff(out.segments(), complete, sameShare);
    }

    private static int words(String[] tokens) {
        int words = 0;
        for (String token : tokens) {
            if (!token.isBlank()) {
                words++;
            }
        }
        return words;
    }

    /** Aligns a[aFrom, aTo) with b[bFrom, bTo); false when it gave up and replaced the whole range. */
    private boolean middle(String[] a, int aFrom, int aTo, String[] b, int bFrom, int bTo, Segments out) {
        int n = aTo - aFrom;
        int m = bTo - bFrom;
        if (n == 0 || m == 0) {
            replace(a, aFrom, aTo, b, bFrom, bTo, out);
            return true;
        }
        int limit = (int) Math.min(Math.min(n + m, maxEdits), Math.max(1, maxWork / (n + m)));
        List<int[]> trace = new ArrayList<>();
        int[] v = new int[2 * limit + 3]; // v[k + offset]: furthest x reached on diagonal k = x - y
        int offset = limit + 1;
        for (int d = 0; d <= limit; d++) {
            trace.add(snapshot(v, offset, d));
            for (int k = -d; k <= d; k += 2) {
                int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                        ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a[aFrom + x].equals(b[bFrom + y])) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    backtrack(trace, a, aFrom, n, b, bFrom, m, out);
                    return true;
                }
            }
        }
        replace(a, aFrom, aTo, b, bFrom, bTo, out);
        return false;
    }

    /** v on diagonals -d-1 … d+1 as it stood before round d, indexed by k + d + 1. */
    private static int[] snapshot(int[] v, int offset, int d) {
        int[] copy = new int[2 * d + 3];
        for (int k = -d - 1; k <= d + 1; k++) {
            int at = offset + k;
            copy[k + d + 1] = at >= 0 && at < v.length ? v[at] : 0;
        }
        return copy;
    }

    private static void backtrack(List<int[]> trace, String[] a, int aFrom, int n, String[] b, int bFrom, int m,
                                  Segments out) {
        List<DiffSegment> reversed = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = trace.size() - 1; d >= 0; d--) {
            int[] v = trace.get(d);
            int k = x - y;
            int previousK = (k == -d || (k != d && v[k - 1 + d + 1] < v[k + 1 + d + 1])) ? k + 1 : k - 1;
            int previousX = v[previousK + d + 1];
            int previousY = previousX - previousK;
            while (x > previousX && y > previousY) {
                reversed.add(new DiffSegment(DiffSegment.Kind.SAME, a[aFrom + x - 1]));
                x--;
                y--;
            }
            if (d > 0) {
                if (x == previousX) {
                    reversed.add(new DiffSegment(DiffSegment.Kind.ADDED, b[bFrom + y - 1]));
                } else {
                    reversed.add(new DiffSegment(DiffSegment.Kind.REMOVED, a[aFrom + x - 1]));
                }
            }
            x = previousX;
            y = previousY;
        }
        // Within one changed stretch, the removed words read first, then the added ones.
        List<DiffSegment> removed = new ArrayList<>();
        List<DiffSegment> added = new ArrayList<>();
        for (int i = reversed.size() - 1; i >= 0; i--) {
            DiffSegment token = reversed.get(i);
            switch (token.kind()) {
                case REMOVED -> removed.add(token);
                case ADDED -> added.add(token);
                case SAME -> {
                    flush(removed, added, out);
                    out.add(DiffSegment.Kind.SAME, token.text());
                }
            }
        }
        flush(removed, added, out);
    }

    private static void flush(List<DiffSegment> removed, List<DiffSegment> added, Segments out) {
        removed.forEach(s -> out.add(s.kind(), s.text()));
        added.forEach(s -> out.add(s.kind(), s.text()));
        removed.clear();
        added.clear();
    }

    private static void replace(String[] a, int aFrom, int aTo, String[] b, int bFrom, int bTo, Segments out) {
        for (int i = aFrom; i < aTo; i++) {
            out.add(DiffSegment.Kind.REMOVED, a[i]);
        }
        for (int i = bFrom; i < bTo; i++) {
            out.add(DiffSegment.Kind.ADDED, b[i]);
        }
    }

    /** Tokens joined into segments: neighbours of the same kind become one. */
    private static final class Segments {
        private final List<DiffSegment> segments = new ArrayList<>();
        private DiffSegment.Kind kind;
        private final StringBuilder text = new StringBuilder();
        private int sameWords;

        void add(DiffSegment.Kind tokenKind, String token) {
            if (tokenKind == DiffSegment.Kind.SAME && !token.isBlank()) {
                sameWords++;
            }
            if (tokenKind != kind) {
                close();
                kind = tokenKind;
            }
            text.append(token);
        }

        List<DiffSegment> segments() {
            close();
            return segments;
        }

        private void close() {
            if (kind != null && text.length() > 0) {
                segments.add(new DiffSegment(kind, text.toString()));
            }
            text.setLength(0);
        }
    }
}
