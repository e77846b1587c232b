package org.spinworkbench.data.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerCheckerTest {
    @Test
    void aNumberCountsWhenTheFirstIntegerOfTheOutputIsTheAnswer() {
        for (String right : List.of("85", " 85.", "85\n", "85 apples", "It is 85!", "085")) {
            assertTrue(AnswerChecker.correct("add", "85", right), right);
        }
        for (String wrong : List.of("58", "850", "-85", "8 5", "47+38=85", "eighty-five", "", "  ")) {
            assertFalse(AnswerChecker.correct("add", "85", wrong), wrong);
        }
        assertTrue(AnswerChecker.correct("convert", "5000", "5000"));
        assertTrue(AnswerChecker.correct("convert", "5000", "5,000 m"));
        assertTrue(AnswerChecker.correct("convert", "5", "5, I think"));
        assertFalse(AnswerChecker.correct("convert", "5000", "5 000"));
    }

    @Test
    void wordsCountInTheAnswersOrderWhateverTheSpacingCaseOrFinalStop() {
        for (String right : List.of("map sun cat", "map sun cat.", "  map  sun\tcat ", "Map Sun Cat", "map, sun, cat")) {
            assertTrue(AnswerChecker.correct("reverse", "map sun cat", right), right);
        }
        for (String wrong : List.of("sun cat map", "cat sun map", "map sun", "map sun cat dog", "mapsuncat", "")) {
            assertFalse(AnswerChecker.correct("reverse", "map sun cat", wrong), wrong);
        }
        assertTrue(AnswerChecker.correct("sort", "cat map sun", "cat map sun"));
        assertFalse(AnswerChecker.correct("sort", "cat map sun", "sun map cat"));
    }

    @Test
    void aCapitalCountsWhateverItsCaseSpacingOrTrailingPunctuation() {
        for (String right : List.of("Paris", "paris", "PARIS", " Paris. ", "Paris!")) {
            assertTrue(AnswerChecker.correct("capital", "Paris", right), right);
        }
        for (String wrong : List.of("Pari", "Parisian", "Lyon", "Paris, France", "")) {
            assertFalse(AnswerChecker.correct("capital", "Paris", wrong), wrong);
        }
        assertTrue(AnswerChecker.correct("capital", "Buenos Aires", "buenos  aires"));
        assertFalse(AnswerChecker.correct("capital", "Buenos Aires", "BuenosAires"));
        assertTrue(AnswerChecker.correct("CAPITAL", "Paris", "paris"), "task ids ignore case");
    }

    @Test
    void anUnknownTaskIsAnErrorNotAWrongAnswer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AnswerChecker.correct("multiply", "6", "6"));
        assertTrue(e.getMessage().contains("multiply") && e.getMessage().contains("add, reverse"), e.getMessage());
    }

    @Test
    void scoreCountsCorrectAnswersPerTaskInTaskOrderAndOverall() {
        Accuracy accuracy = AnswerChecker.score(List.of(
                new ModelAnswer("capital", "Paris", "paris"),
                new ModelAnswer("add", "85", "85"),
                new ModelAnswer("add", "85", "58"),
                new ModelAnswer("capital", "Rome", "Pari"),
                new ModelAnswer("add", "12", " 12."),
                new ModelAnswer("reverse", "map sun cat", "sun cat map")));
        assertEquals(new Accuracy.Count(3, 6), accuracy.overall());
        assertEquals(0.5, accuracy.overall().rate());
        assertEquals(List.of("add", "reverse", "capital"), List.copyOf(accuracy.byTask().keySet()));
        assertEquals(Map.of("add", new Accuracy.Count(2, 3), "reverse", new Accuracy.Count(0, 1),
                "capital", new Accuracy.Count(1, 2)), accuracy.byTask());
        assertEquals(2.0 / 3, accuracy.byTask().get("add").rate(), 1e-12);
    }

    @Test
    void noAnswersScoreZeroOfZero() {
        Accuracy accuracy = AnswerChecker.score(List.of());
        assertEquals(new Accuracy.Count(0, 0), accuracy.overall());
        assertEquals(0.0, accuracy.overall().rate());
        assertTrue(accuracy.byTask().isEmpty());
    }
}
