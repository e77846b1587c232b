package org.spinworkbench.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.spinworkbench.store.Sample;
import org.spinworkbench.store.SampleScores;
import org.spinworkbench.store.Split;

class PromptQueryTest {
    // index, prompt, real, synthetic, previous synthetic, reward real, reward synthetic
    private final PromptRow winning = row(0, "Capital of France?", "Paris", "Paris", "Lyon", 0.5, 0.1);
    private final PromptRow losing = row(1, "apple colour", "Red", "Blue or green", "Blue or green", -0.2, 0.3);
    private final PromptRow unscored = row(2, "Banana shape", "Curved", "curved ", null, null, null);
    private final PromptRow tie = row(3, "zebra stripes", "Black and white", "Grey", "Gray", 0.0, 0.0);
    private final List<PromptRow> rows = List.of(tie, unscored, losing, winning);

    @Test
    void theRowsNumbersComeFromItsScores() {
        assertEquals(0.4, winning.margin(), 1e-12);
        assertEquals(-0.5, losing.margin(), 1e-12);
        assertNull(unscored.margin());
        assertTrue(winning.changedSincePrevious());
        assertFalse(losing.changedSincePrevious());
        assertFalse(unscored.changedSincePrevious(), "the first iteration has nothing to change from");
        assertTrue(winning.syntheticEqualsReal());
        assertFalse(unscored.syntheticEqualsReal(), "case counts");
        assertTrue(row(4, "p", "  yes", "yes\n", null, null, null).syntheticEqualsReal(), "surrounding space does not");
    }

    @Test
    void noFilterKeepsEveryRowInDatasetOrder() {
        assertEquals(List.of(winning, losing, unscored, tie), PromptQuery.ALL.apply(rows, Locale.ENGLISH));
    }

    @Test
    void searchLooksInPromptAndBothResponsesIgnoringCase() {
        assertEquals(List.of(winning), query("paris").apply(rows, Locale.ENGLISH), "real and synthetic");
        assertEquals(List.of(losing), query("GREEN").apply(rows, Locale.ENGLISH), "synthetic only");
        assertEquals(List.of(tie), query("white").apply(rows, Locale.ENGLISH), "real only");
        assertEquals(List.of(unscored), query("  banana ").apply(rows, Locale.ENGLISH), "prompt, trimmed");
        assertEquals(List.of(), query("nowhere").apply(rows, Locale.ENGLISH));
    }

    @Test
    void negativeMarginKeepsOnlyScoredRowsBelowZero() {
        PromptQuery negative = new PromptQuery("", true, false, false, PromptSort.DATASET);
        assertEquals(List.of(losing), negative.apply(rows, Locale.ENGLISH), "a zero margin is not negative");
    }

    @Test
    void changedAndSameFiltersCombineWithSearch() {
        assertEquals(List.of(winning, tie), new PromptQuery("", false, true, false, PromptSort.DATASET)
                .apply(rows, Locale.ENGLISH));
        assertEquals(List.of(winning), new PromptQuery("", false, false, true, PromptSort.DATASET)
                .apply(rows, Locale.ENGLISH));
        assertEquals(List.of(tie), new PromptQuery("grey", false, true, false, PromptSort.DATASET)
                .apply(rows, Locale.ENGLISH));
        assertEquals(List.of(), new PromptQuery("", true, true, false, PromptSort.DATASET)
                .apply(rows, Locale.ENGLISH), "all filters must hold");
    }

    @Test
    void marginSortsPutUnscoredRowsLastAndBreakTiesByIndex() {
        PromptRow alsoZero = row(5, "q", "r", "s", null, 0.2, 0.2);
        List<PromptRow> more = List.of(alsoZero, tie, unscored, losing, winning);
        assertEquals(List.of(losing, tie, alsoZero, winning, unscored),
                sorted(PromptSort.MARGIN_ASCENDING).apply(more, Locale.ENGLISH));
        assertEquals(List.of(winning, tie, alsoZero, losing, unscored),
                sorted(PromptSort.MARGIN_DESCENDING).apply(more, Locale.ENGLISH));
    }

    @Test
    void promptSortIsAlphabeticalForTheLanguageAndLengthSortIsLongestFirst() {
        assertEquals(List.of(losing, unscored, winning, tie), sorted(PromptSort.PROMPT).apply(rows, Locale.ENGLISH),
                "apple before Banana: case does not split the alphabet");
        assertEquals(List.of(losing, unscored, winning, tie), sorted(PromptSort.LENGTH).apply(rows, Locale.ENGLISH));
    }

    @Test
    void lengthUsesStoredTokenCountsWhenPresent() {
        Sample counted = Sample.of(new Sample.Key(1, Split.TRAIN, 9), new Sample.Texts("p", "r", "short", 1, 50),
                SampleScores.NONE);
        PromptRow tokens = new PromptRow(counted, null);
        assertEquals(50, tokens.syntheticLength());
        assertEquals(List.of(tokens, losing), sorted(PromptSort.LENGTH).apply(List.of(losing, tokens),
                Locale.ENGLISH));
    }

    private static PromptQuery query(String search) {
        return new PromptQuery(search, false, false, false, PromptSort.DATASET);
    }

    private static PromptQuery sorted(PromptSort sort) {
        return new PromptQuery("", false, false, false, sort);
    }

    private static PromptRow row(int index, String prompt, String real, String synthetic, String previous,
                                 Double rewardReal, Double rewardSynthetic) {
        SampleScores scores = new SampleScores(-3.0, -2.0, -2.5, -2.2, rewardReal, rewardSynthetic);
        return new PromptRow(Sample.of(new Sample.Key(1, Split.TRAIN, index),
                new Sample.Texts(prompt, real, synthetic, null, null), scores), previous);
    }
}
