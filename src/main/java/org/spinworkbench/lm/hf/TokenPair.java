package org.spinworkbench.lm.hf;

import java.util.Arrays;

/** A prompt and its response as token ids, ready for scoring or training. */
public record TokenPair(int[] prompt, int[] response) {
    /** {@code ids} cut at {@code at}: the prompt before, the response from there. */
    static TokenPair split(int[] ids, int at) {
        return new TokenPair(Arrays.copyOfRange(ids, 0, at), Arrays.copyOfRange(ids, at, ids.length));
    }

    /** How many leading ids {@code a} and {@code b} share. */
    static int commonPrefix(int[] a, int[] b) {
        int n = 0;
        while (n < a.length && n < b.length && a[n] == b[n]) {
            n++;
        }
        return n;
    }
}
