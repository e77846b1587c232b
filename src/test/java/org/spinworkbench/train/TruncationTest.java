package org.spinworkbench.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TruncationTest {
    private static int[] range(int from, int to) {
        return java.util.stream.IntStream.range(from, to).toArray();
    }

    @Test
    void shortExamplesAreLeftAlone() {
        int[][] kept = new Truncation(10, 4).apply(range(0, 5), range(100, 103), range(200, 205));
        assertArrayEquals(range(0, 5), kept[0]);
        assertArrayEquals(range(100, 103), kept[1]);
        assertArrayEquals(range(200, 205), kept[2]);
    }

    @Test
    void aLongPromptKeepsItsLastTokens() {
        int[][] kept = new Truncation(10, 4).apply(range(0, 8), range(100, 103), range(200, 205));
        assertArrayEquals(range(4, 8), kept[0], "the end of the prompt, next to the answer, is kept");
        assertArrayEquals(range(100, 103), kept[1]);
        assertArrayEquals(range(200, 205), kept[2]);
    }

    @Test
    void responsesAreCutWhenThePromptAloneCannotMakeRoom() {
        int[][] kept = new Truncation(10, 4).apply(range(0, 8), range(100, 109), range(200, 202));
        assertArrayEquals(range(4, 8), kept[0]);
        assertArrayEquals(range(100, 106), kept[1], "max length - max prompt length = 6");
        assertArrayEquals(range(200, 202), kept[2]);
    }

    @Test
    void generationStartsFromThePromptKeptBesideTheLongestResponse() {
        Truncation truncation = new Truncation(10, 4);
        assertArrayEquals(range(0, 5), truncation.keptPrompt(range(0, 5), 5), "5 + 5 new tokens fit in 10");
        assertArrayEquals(range(2, 6), truncation.keptPrompt(range(0, 6), 5), "6 + 5 do not: the last 4 are kept");
        assertArrayEquals(range(0, 3), truncation.keptPrompt(range(0, 3), 50),
                "a prompt within the max prompt length is never cut");
        int[] prompt = range(0, 9);
        assertArrayEquals(truncation.apply(prompt, range(100, 106))[0], truncation.keptPrompt(prompt, 6),
                "the same prompt training keeps beside a response of that length");
    }

    @Test
    void settingsMustLeaveRoomForAResponse() {
        assertThrows(IllegalArgumentException.class, () -> new Truncation(4, 4));
        assertThrows(IllegalArgumentException.class, () -> new Truncation(10, 0));
    }
}
