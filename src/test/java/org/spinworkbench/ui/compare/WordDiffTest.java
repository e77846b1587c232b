package org.spinworkbench.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.spinworkbench.ui.compare.DiffSegment.Kind;

class WordDiffTest {
    private final WordDiff diff = new WordDiff();

    @Test
    void twoEmptyTextsAreIdenticalAndHaveNoSegments() {
        ResponseDiff result = diff.compare("", "");
        assertEquals(List.of(), result.segments());
        assertTrue(result.identical());
        assertTrue(result.complete());
        assertEquals(1.0, result.sameShare());
    }

    @Test
    void anEmptySideIsAllRemovedOrAllAdded() {
        assertEquals(List.of(new DiffSegment(Kind.REMOVED, "the answer is 7")), diff.compare("the answer is 7", "")
                .segments());
        assertEquals(List.of(new DiffSegment(Kind.ADDED, "no idea")), diff.compare("", "no idea").segments());
        assertEquals(List.of(new DiffSegment(Kind.ADDED, "x")), diff.compare(null, "x").segments());
        assertEquals(0.0, diff.compare("", "no idea").sameShare());
    }

    @Test
    void identicalTextsAreOneSharedSegment() {
        ResponseDiff result = diff.compare("Paris is the capital.", "Paris is the capital.");
        assertEquals(List.of(new DiffSegment(Kind.SAME, "Paris is the capital.")), result.segments());
        assertTrue(result.identical());
        assertEquals(1.0, result.sameShare());
    }

    @Test
    void aChangedWordIsRemovedThenAddedBetweenSharedText() {
        ResponseDiff result = diff.compare("The cat sat on the mat.", "The dog sat on the mat.");
        assertEquals(List.of(new DiffSegment(Kind.SAME, "The "), new DiffSegment(Kind.REMOVED, "cat"),
                new DiffSegment(Kind.ADDED, "dog"), new DiffSegment(Kind.SAME, " sat on the mat.")), result.segments());
        assertFalse(result.identical());
    }

    @Test
    void wordsAreComparedWholeNotByLetter() {
        // "sum" and "sun" share letters; a word diff marks the whole word
        assertEquals(List.of(new DiffSegment(Kind.SAME, "the "), new DiffSegment(Kind.REMOVED, "sum"),
                new DiffSegment(Kind.ADDED, "sun")), diff.compare("the sum", "the sun").segments());
    }

    @Test
    void insertionsAndDeletionsInTheMiddleAreMinimal() {
        ResponseDiff result = diff.compare("a b c d e", "a c d x e");
        assertEquals(List.of(new DiffSegment(Kind.SAME, "a "), new DiffSegment(Kind.REMOVED, "b "),
                new DiffSegment(Kind.SAME, "c d"), new DiffSegment(Kind.ADDED, " x"),
                new DiffSegment(Kind.SAME, " e")), result.segments());
    }

    @Test
    void theSharedShareCountsWordsNotTheSpacesBetweenThem() {
        // "bus" is one of three words on each side: a third, not the 60 % counting spaces gave
        assertEquals(1 / 3.0, diff.compare("bus dog sun", "bus fox gun").sameShare(), 1e-9);
        assertEquals(1.0, diff.compare("bus  dog", "bus dog").sameShare(), "only the spacing differs");
    }

    @Test
    void punctuationIsItsOwnToken() {
        assertEquals(List.of(new DiffSegment(Kind.SAME, "Yes"), new DiffSegment(Kind.REMOVED, "."),
                new DiffSegment(Kind.ADDED, "!")), diff.compare("Yes.", "Yes!").segments());
    }

    @Test
    void chineseWithoutSpacesIsComparedCharacterByCharacter() {
        ResponseDiff result = diff.compare("今天天气很好", "今天天气不好");
        assertEquals(List.of(new DiffSegment(Kind.SAME, "今天天气"), new DiffSegment(Kind.REMOVED, "很"),
                new DiffSegment(Kind.ADDED, "不"), new DiffSegment(Kind.SAME, "好")), result.segments());
        assertEquals(2 * 5 / 12.0, result.sameShare(), 1e-9);
    }

    @Test
    void mixedScriptsKeepLatinWordsWhole() {
        assertEquals(List.of(new DiffSegment(Kind.SAME, "答案是"), new DiffSegment(Kind.REMOVED, "seven"),
                new DiffSegment(Kind.ADDED, "eight"), new DiffSegment(Kind.SAME, "。")),
                diff.compare("答案是seven。", "答案是eight。").segments());
    }

    @Test
    void charactersOutsideTheBasicPlaneStayWhole() {
        ResponseDiff result = diff.compare("ok 😀", "ok 😎");
        assertEquals(List.of(new DiffSegment(Kind.SAME, "ok "), new DiffSegment(Kind.REMOVED, "😀"),
                new DiffSegment(Kind.ADDED, "😎")), result.segments());
    }

    @Test
    void segmentsPutBothTextsBackTogetherForRandomEdits() {
        Random random = new Random(3);
        String[] words = {"a", "b", "c", "the", " ", "  ", ".", "天", "气", "x1"};
        for (int round = 0; round < 300; round++) {
            String real = randomText(random, words, random.nextInt(30));
            String synthetic = randomText(random, words, random.nextInt(30));
            ResponseDiff result = diff.compare(real, synthetic);
            assertEquals(real, result.realText(), real + " | " + synthetic);
            assertEquals(synthetic, result.syntheticText(), real + " | " + synthetic);
            assertTrue(result.complete());
            assertEquals(real.equals(synthetic), result.identical());
            for (int i = 1; i < result.segments().size(); i++) {
                assertFalse(result.segments().get(i).kind() == result.segments().get(i - 1).kind(),
                        "neighbouring segments of one kind are joined");
            }
        }
    }

    @Test
    void theEditScriptIsShortest() {
        // as many tokens shared as the longest common subsequence has, checked against a plain table
        Random random = new Random(11);
        String[] words = {"a", "b", "c", " "};
        for (int round = 0; round < 200; round++) {
            String real = randomText(random, words, random.nextInt(15));
            String synthetic = randomText(random, words, random.nextInt(15));
            assertEquals(lcs(DiffTokens.split(real), DiffTokens.split(synthetic)),
                    sharedTokens(diff.compare(real, synthetic)), real + " | " + synthetic);
        }
    }

    @Test
    void longUnrelatedTextsFinishQuicklyAndSayTheyAreApproximate() {
        Random random = new Random(5);
        String real = randomWords(random, 40_000);
        String synthetic = randomWords(random, 40_000);
        ResponseDiff result = assertTimeoutPreemptively(Duration.ofSeconds(3), () -> diff.compare(real, synthetic));
        assertFalse(result.complete());
        assertEquals(real, result.realText());
        assertEquals(synthetic, result.syntheticText());
    }

    @Test
    void longTextsWithFewChangesAreStillExact() {
        Random random = new Random(8);
        String base = randomWords(random, 30_000);
        String edited = base.substring(0, 1000) + " inserted words " + base.substring(1000, 90_000) + base
                .substring(90_010);
        ResponseDiff result = assertTimeoutPreemptively(Duration.ofSeconds(3), () -> diff.compare(base, edited));
        assertTrue(result.complete());
        assertEquals(base, result.realText());
        assertEquals(edited, result.syntheticText());
        assertTrue(result.sameShare() > 0.99);
    }

    @Test
    void aTightBoundFallsBackToReplacingTheMiddle() {
        ResponseDiff result = new WordDiff(1, 1_000).compare("keep a b c keep", "keep x y z keep");
        assertFalse(result.complete());
        assertEquals(List.of(new DiffSegment(Kind.SAME, "keep "), new DiffSegment(Kind.REMOVED, "a b c"),
                new DiffSegment(Kind.ADDED, "x y z"), new DiffSegment(Kind.SAME, " keep")), result.segments());
    }

    private static int sharedTokens(ResponseDiff result) {
        // a shared segment is a run of tokens contiguous in both texts, so it splits back into the same tokens
        int shared = 0;
        for (DiffSegment segment : result.segments()) {
            if (segment.kind() == Kind.SAME) {
                shared += DiffTokens.split(segment.text()).size();
            }
        }
        return shared;
    }

    private static int lcs(List<String> a, List<String> b) {
        int[][] table = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                table[i][j] = a.get(i).equals(b.get(j)) ? table[i + 1][j + 1] + 1
                        : Math.max(table[i + 1][j], table[i][j + 1]);
            }
        }
        return table[0][0];
    }

    private static String randomText(Random random, String[] words, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(words[random.nextInt(words.length)]);
        }
        return text.toString();
    }

    private static String randomWords(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append("w").append(random.nextInt(5000)).append(' ');
        }
        return text.toString();
    }
}
